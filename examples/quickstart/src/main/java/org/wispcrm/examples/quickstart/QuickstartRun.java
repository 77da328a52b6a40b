package org.wispcrm.examples.quickstart;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.dunning.DunningReport;
import org.wispcrm.billing.invoice.BillingFailure;
import org.wispcrm.billing.invoice.BillingRunListener;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.billing.payment.PaymentRequest;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.CustomerQuery;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.customer.RegisteredCustomer;
import org.wispcrm.core.document.LocalFileDocumentStorage;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.core.notification.dispatch.DispatchReport;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.jpa.JpaPersistence;

/**
 * One quickstart run: wires WISP CRM on a database, local disk and two file channels, creates the demo ISP if the
 * database does not hold it yet (with last month's history), then runs the month: billing, PDFs, notifications.
 * Each stage is timed; the result is a {@link Summary}.
 */
final class QuickstartRun {
    /** How long the demo ISP has been in business before the billed month. */
    private static final int MONTHS_OF_HISTORY = 36;

    private static final int CHUNK = 200;

    private final Options options;
    private final PrintStream out;
    private final Progress.Factory progress;
    private final SimulatedClock clock;

    QuickstartRun(Options options, PrintStream out, Progress.Factory progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
        this.clock = new SimulatedClock(
                DemoIsp.ZONE,
                options.month().atDay(1).atStartOfDay(DemoIsp.ZONE).toInstant());
    }

    /**
     * What the run is asked to do.
     *
     * @param customers customers of a new demo ISP
     * @param month the month to bill
     * @param jdbcUrl the database, or null for the H2 file database under {@code out}
     * @param out where the database, PDFs and outbox go
     */
    record Options(int customers, YearMonth month, @Nullable String jdbcUrl, Path out) {
        String databaseUrl() {
            return jdbcUrl != null
                    ? jdbcUrl
                    : "jdbc:h2:file:" + out.toAbsolutePath().resolve("db").resolve("wispcrm");
        }

        Path documents() {
            return out.toAbsolutePath().resolve("documents");
        }

        Path outbox() {
            return out.toAbsolutePath().resolve("outbox");
        }
    }

    Summary run() {
        var summary = new Summary(options, DemoIsp.NAME);
        long started = System.nanoTime();
        out.println("WISP CRM quickstart: " + DemoIsp.NAME + ", billing " + options.month() + " on "
                + Summary.safeUrl(options.databaseUrl()));
        try (HikariDataSource dataSource = dataSource(options.databaseUrl());
                JpaPersistence persistence =
                        timed(summary, "Database schema", () -> JpaPersistence.create(dataSource))) {
            var crm = WispCrm.builder()
                    .persistence(persistence)
                    .defaultPhoneRegion("CO")
                    .clock(clock)
                    .build();
            var billing = Billing.builder()
                    .persistence(persistence)
                    .clock(clock)
                    .policy(DemoIsp.policy())
                    .build();
            var storage = new LocalFileDocumentStorage(options.documents());
            var documents = new DocumentService(persistence, storage, PdfSettings.of(DemoIsp.profile()));
            var whatsApp =
                    new Counting(FileOutboxChannel.whatsApp(options.outbox().resolve("whatsapp"), clock));
            var email = new Counting(FileOutboxChannel.email(
                    options.outbox().resolve("email"), clock, DemoIsp.BILLING_EMAIL, DemoIsp.NAME));
            var dispatcher = NotificationDispatcher.builder(
                            persistence.outbox(), persistence.customers(), DemoIsp.templates())
                    .channel(whatsApp)
                    .channel(email)
                    .documentStorage(storage)
                    .clock(clock)
                    .batchSize(100)
                    .build();
            var context = new Context(crm, billing, persistence, storage, documents, dispatcher, whatsApp, email);

            if (crm.plans().findByName(DemoIsp.PLANS.get(0).plan().name()).isPresent()) {
                summary.existingIsp = true;
                summary.customers = persistence
                        .customers()
                        .search(CustomerQuery.all(), PageRequest.first(1))
                        .totalItems();
                out.println("The database already holds the demo ISP (" + summary.customers
                        + " customers): billing it again for " + options.month() + ".");
            } else {
                timed(summary, "Set-up (history)", () -> {
                    setUp(context, summary);
                    return null;
                });
            }
            runMonth(context, summary);
        }
        summary.total = Duration.ofNanos(System.nanoTime() - started);
        return summary;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Set-up: the ISP's plans and customers, and last month as it happened

    private void setUp(Context c, Summary summary) {
        YearMonth month = options.month();
        YearMonth previous = month.minusMonths(1);
        LocalDate opened = month.minusMonths(MONTHS_OF_HISTORY).atDay(1);
        clock.set(opened, LocalTime.of(9, 0));
        List<Plan> plans = new ArrayList<>();
        for (DemoIsp.PlanOffer offer : DemoIsp.PLANS) {
            plans.add(c.crm.plans().create(offer.plan()));
        }

        int total = options.customers();
        int newcomers = total >= 10 ? Math.max(2, Math.min(20, total / 100)) : 0;
        int existing = total - newcomers;
        DemoPeople people = DemoPeople.seeded(DemoPeople.SEED);
        // Everyone already installed was installed before the month before last, so last month bills full months.
        LocalDate lastInstall = month.minusMonths(2).atDay(1).minusDays(1);
        long span = lastInstall.toEpochDay() - opened.toEpochDay();
        int planChanger = Math.min(6, existing - 1);
        List<CustomerToCreate> batch = new ArrayList<>();
        try (Progress bar = progress.start("Customers", existing, "customers")) {
            for (int i = 0; i < existing; i++) {
                Plan plan = i == planChanger ? plans.get(0) : pickPlan(people, plans);
                DemoPeople.Person person = people.next(plan.name().startsWith("Pyme"));
                LocalDate installed = opened.plusDays(people.nextInt((int) span + 1));
                batch.add(new CustomerToCreate(String.format("C-%05d", i + 1), person, plan, installed));
                if (batch.size() == CHUNK || i == existing - 1) {
                    importCustomers(c, batch);
                    batch.clear();
                    bar.stepTo(i + 1);
                }
            }
        }

        // Last month's billing run, its PDFs and its messages, on the 1st.
        LocalDate previousRun = previous.atDay(1);
        clock.set(previousRun, LocalTime.of(0, 30));
        BillingRunReport lastMonth = bill(c, previousRun, "Billing " + previous);
        summary.previousInvoices = lastMonth.invoiced();
        summary.setupPdfs = renderPdfs(c, "PDFs " + previous);
        clock.set(previousRun, LocalTime.of(7, 0));
        DispatchReport setupMessages = dispatch(c, "Messages " + previous);

        // A customer moves up a plan in the middle of last month, after being billed for it.
        if (existing > 0) {
            LocalDate changeDay = previous.atDay(15);
            clock.set(changeDay, LocalTime.of(11, 0));
            Customer changer = c.crm.customers()
                    .findByCode(String.format("C-%05d", planChanger + 1))
                    .orElseThrow();
            Subscription subscription =
                    c.crm.customers().subscriptionsOf(changer.id()).get(0);
            c.crm.customers().changePlan(subscription.id(), plans.get(1).id(), changeDay);
            summary.planChangeNote =
                    changer.code() + " moved from " + plans.get(0).name() + " to "
                            + plans.get(1).name() + " on " + changeDay + " (prorated on this month's invoice)";
        }

        // New customers installed in the middle of last month, through installation orders with a fee.
        for (int i = 0; i < newcomers; i++) {
            int day = 4 + i * 20 / newcomers;
            Plan plan = pickPlan(people, plans);
            DemoPeople.Person person = people.next(plan.name().startsWith("Pyme"));
            clock.set(previous.atDay(day - 2), LocalTime.of(10, 0));
            RegisteredCustomer registered = c.crm.customers().register(command(person, plan, existing + i + 1));
            SubscriptionId subscriptionId =
                    registered.subscription().orElseThrow().id();
            clock.set(previous.atDay(day), LocalTime.of(8, 0));
            ServiceOrder order = c.crm.serviceOrders()
                    .open(OpenServiceOrder.installation(
                            registered.customer().id(),
                            subscriptionId,
                            "Instalación de antena y router, plan " + plan.name(),
                            DemoIsp.INSTALLATION_FEE));
            c.crm.serviceOrders().assignTechnician(order.id(), "Julián Rojas");
            c.crm.serviceOrders().start(order.id());
            clock.set(previous.atDay(day), LocalTime.of(15, 0));
            c.crm.serviceOrders().complete(order.id(), "Antena instalada y alineada; señal -58 dBm.");
            setupMessages = setupMessages.plus(c.dispatcher.dispatchDue());
        }
        // Last month's payments: most on time, some late, a few partial, the rest still owed on the 1st.
        setupMessages = setupMessages.plus(payLastMonth(c, previous, people, summary));

        summary.newcomers = newcomers;
        summary.newcomersFrom = newcomers == 0 ? null : previous.atDay(4);
        summary.newcomersTo = newcomers == 0 ? null : previous.atDay(4 + (newcomers - 1) * 20 / newcomers);
        summary.setupMessagesSent = setupMessages.sent();
        summary.setupMessagesDead = setupMessages.deadLettered();
        summary.customers = total;
    }

    private DispatchReport payLastMonth(Context c, YearMonth previous, DemoPeople people, Summary summary) {
        LocalDate billed = previous.atDay(1);
        List<PlannedPayment> planned = new ArrayList<>();
        PageRequest page = PageRequest.first(CHUNK);
        while (true) {
            var invoices =
                    c.persistence.invoices().search(InvoiceQuery.issuedBetween(billed, billed.plusDays(1)), page);
            for (Invoice invoice : invoices.items()) {
                int roll = people.nextInt(100);
                PaymentMethod method = METHODS[people.nextInt(METHODS.length)];
                if (roll < 86) {
                    planned.add(new PlannedPayment(
                            invoice, invoice.total(), previous.atDay(2 + people.nextInt(10)), method, Kind.ON_TIME));
                } else if (roll < 91) {
                    planned.add(new PlannedPayment(
                            invoice, invoice.total(), previous.atDay(14 + people.nextInt(14)), method, Kind.LATE));
                } else if (roll < 93) {
                    // About half, in thousands of pesos: the rest stays owed.
                    BigDecimal half = invoice.total()
                            .getNumber()
                            .numberValue(BigDecimal.class)
                            .divide(BigDecimal.valueOf(2000), 0, RoundingMode.DOWN)
                            .multiply(BigDecimal.valueOf(1000));
                    planned.add(new PlannedPayment(
                            invoice,
                            Money.of(half, invoice.currency()),
                            previous.atDay(5 + people.nextInt(7)),
                            method,
                            Kind.PARTIAL));
                }
            }
            if (!invoices.hasNext()) {
                break;
            }
            page = page.next();
        }
        planned.sort(Comparator.comparing(PlannedPayment::receivedOn)
                .thenComparing(p -> p.invoice().requireNumber().value()));

        DispatchReport sent = DispatchReport.empty();
        try (Progress bar = progress.start("Payments " + previous, planned.size(), "payments")) {
            LocalDate day = null;
            int done = 0;
            for (PlannedPayment payment : planned) {
                if (!payment.receivedOn().equals(day)) {
                    if (day != null) {
                        clock.set(day, LocalTime.of(18, 0));
                        sent = sent.plus(c.dispatcher.dispatchDue());
                    }
                    day = payment.receivedOn();
                    clock.set(day, LocalTime.of(9, 0));
                }
                clock.advanceSeconds(7);
                var recorded = c.billing
                        .payments()
                        .record(PaymentRequest.of(
                                payment.invoice().customerId(),
                                payment.amount(),
                                payment.method(),
                                reference(payment),
                                payment.receivedOn()));
                c.documents.storeReceipt(recorded.id());
                summary.payments.add(payment.kind(), payment.amount());
                bar.stepTo(++done);
            }
            if (day != null) {
                clock.set(day, LocalTime.of(18, 0));
                sent = sent.plus(c.dispatcher.dispatchDue());
            }
        }
        return sent;
    }

    private static String reference(PlannedPayment payment) {
        String number = payment.invoice().requireNumber().value();
        return switch (payment.method()) {
            case PAYMENT_GATEWAY -> "PSE-" + number;
            case BANK_TRANSFER -> "TRF-" + number;
            case CASH -> "EFECTY-" + number;
            default -> payment.method() + "-" + number;
        };
    }

    private static final PaymentMethod[] METHODS = {
        PaymentMethod.PAYMENT_GATEWAY,
        PaymentMethod.PAYMENT_GATEWAY,
        PaymentMethod.PAYMENT_GATEWAY,
        PaymentMethod.BANK_TRANSFER,
        PaymentMethod.CASH,
        PaymentMethod.CASH
    };

    /** How a customer paid last month's invoice. */
    enum Kind {
        ON_TIME,
        LATE,
        PARTIAL
    }

    private record PlannedPayment(
            Invoice invoice, MonetaryAmount amount, LocalDate receivedOn, PaymentMethod method, Kind kind) {}

    private void importCustomers(Context c, List<CustomerToCreate> batch) {
        // The ISP's existing customers, imported in bulk: one unit of work per chunk, straight to the repositories.
        c.persistence.transactions().inTransaction(() -> {
            for (CustomerToCreate row : batch) {
                DemoPeople.Person person = row.person();
                Instant registered = row.installed()
                        .minusDays(3)
                        .atTime(10, 0)
                        .atZone(DemoIsp.ZONE)
                        .toInstant();
                var profile = new CustomerProfile(
                        person.name(),
                        person.nationalId(),
                        person.email() == null ? null : EmailAddress.of(person.email()),
                        PhoneNumber.parse(person.phone(), "CO"),
                        person.address(),
                        DemoIsp.LOCALE,
                        new NotificationPreferences(person.channels()),
                        false,
                        registered);
                Customer customer = c.persistence
                        .customers()
                        .save(Customer.register(CustomerId.newId(), row.code(), profile, registered));
                Subscription subscription = Subscription.order(
                                SubscriptionId.newId(),
                                customer.id(),
                                row.plan().id(),
                                person.address(),
                                null,
                                registered,
                                row.installed().minusDays(3))
                        .activate(row.installed());
                c.persistence.subscriptions().save(subscription);
            }
            return null;
        });
    }

    private static RegisterCustomer command(DemoPeople.Person person, Plan plan, int number) {
        return RegisterCustomer.builder()
                .code(String.format("C-%05d", number))
                .fullName(person.name())
                .nationalId(person.nationalId())
                .phone(person.phone())
                .email(person.email())
                .address(person.address())
                .locale(DemoIsp.LOCALE)
                .notificationPreferences(new NotificationPreferences(person.channels()))
                .dataProcessingConsent(true)
                .firstSubscription(NewSubscription.onPlan(plan.id()))
                .build();
    }

    private static Plan pickPlan(DemoPeople people, List<Plan> plans) {
        int roll = people.nextInt(100);
        int cumulative = 0;
        for (int i = 0; i < DemoIsp.PLANS.size(); i++) {
            cumulative += DemoIsp.PLANS.get(i).sharePercent();
            if (roll < cumulative) {
                return plans.get(i);
            }
        }
        return plans.get(plans.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The month

    private void runMonth(Context c, Summary summary) {
        LocalDate runDate = options.month().atDay(1);
        summary.runDate = runDate;

        clock.set(runDate, LocalTime.of(0, 30));
        BillingRunReport report = timed(summary, "Billing " + options.month(), () -> bill(c, runDate, "Billing"));
        summary.billing = report;
        // A re-run skips customers suspended since (their invoice was issued before dunning suspended them): count
        // what the database holds for the date, not only what the run looked at.
        summary.invoicesOnRunDate = c.persistence
                .invoices()
                .search(new InvoiceQuery(null, null, runDate, runDate.plusDays(1)), PageRequest.first(1))
                .totalItems();

        // The daily dunning run: overdue notices, late fees (billed with the next invoice) and suspensions.
        clock.set(runDate, LocalTime.of(0, 45));
        DunningReport dunning =
                timed(summary, "Dunning", () -> c.billing.dunning().run(runDate));
        summary.dunning = dunning;
        summary.suspendedCustomers = c.persistence
                .customers()
                .search(new CustomerQuery(null, null, null, CustomerStatus.SUSPENDED), PageRequest.first(1))
                .totalItems();

        clock.set(runDate, LocalTime.of(1, 0));
        summary.pdfs = timed(summary, "PDFs", () -> renderPdfs(c, "PDFs"));
        summary.pdfFolder = options.documents().resolve("invoices");

        clock.set(runDate, LocalTime.of(7, 0));
        long whatsAppBefore = c.whatsApp.sent.get();
        long emailBefore = c.email.sent.get();
        DispatchReport messages = timed(summary, "Notifications", () -> dispatch(c, "Notifications"));
        summary.messages = messages;
        summary.whatsAppSent = c.whatsApp.sent.get() - whatsAppBefore;
        summary.emailSent = c.email.sent.get() - emailBefore;
        summary.outboxFolder = options.outbox();

        summary.overdue = overdue(c, runDate);
        summary.pdfsStored = countInvoices(c);
    }

    private BillingRunReport bill(Context c, LocalDate date, String task) {
        long customers = c.persistence
                .customers()
                .search(CustomerQuery.all(), PageRequest.first(1))
                .totalItems();
        try (Progress bar = progress.start(task, customers, "customers")) {
            return c.billing.invoicing().run(date, new BillingRunListener() {
                @Override
                public void progress(long customersDone) {
                    bar.stepTo(customersDone);
                }

                @Override
                public void failed(BillingFailure failure) {
                    out.println("Could not bill customer " + failure.customerId() + ": " + failure.reason());
                }
            });
        }
    }

    private DispatchReport dispatch(Context c, String task) {
        long pending = c.persistence
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                .totalItems();
        long before = c.whatsApp.sent.get() + c.email.sent.get();
        try (Progress bar = progress.start(task, pending, "messages")) {
            c.onSend = () -> bar.stepTo(c.whatsApp.sent.get() + c.email.sent.get() - before);
            DispatchReport dispatched = c.dispatcher.dispatchDue();
            bar.stepTo(dispatched.handled());
            return dispatched;
        } finally {
            c.onSend = () -> {};
        }
    }

    /**
     * Renders and stores the PDF of every issued invoice that has none stored yet, recording its key on the
     * invoice. Rendering again would write the same bytes under the same key, so stored ones are left alone.
     *
     * @return how many PDFs were rendered now
     */
    private Summary.PdfCount renderPdfs(Context c, String task) {
        long total = countInvoices(c);
        long rendered = 0;
        long alreadyStored = 0;
        try (Progress bar = progress.start(task, total, "invoices")) {
            PageRequest page = PageRequest.first(CHUNK);
            long seen = 0;
            while (true) {
                var invoices = c.persistence.invoices().search(InvoiceQuery.all(), page);
                for (Invoice invoice : invoices.items()) {
                    if (invoice.documentKey() != null) {
                        alreadyStored++;
                    } else {
                        c.documents.storeInvoice(invoice);
                        rendered++;
                    }
                    seen++;
                }
                bar.stepTo(seen);
                if (!invoices.hasNext()) {
                    break;
                }
                page = page.next();
            }
        }
        return new Summary.PdfCount(rendered, alreadyStored);
    }

    private static long countInvoices(Context c) {
        return c.persistence
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1))
                .totalItems();
    }

    private static Summary.Overdue overdue(Context c, LocalDate today) {
        long count = 0;
        Map<String, MonetaryAmount> due = new TreeMap<>();
        InvoiceId after = null;
        while (true) {
            List<Invoice> page = c.persistence.invoices().findOpenDueBefore(today, after, 500);
            for (Invoice invoice : page) {
                count++;
                due.merge(invoice.currency().getCurrencyCode(), invoice.balance(), MonetaryAmount::add);
            }
            if (page.size() < 500) {
                return new Summary.Overdue(count, due);
            }
            after = page.get(page.size() - 1).id();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plumbing

    private static HikariDataSource dataSource(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setPoolName("wispcrm-quickstart");
        // A bad URL or a server that is down should fail in seconds, not after Hikari's default 30.
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        // Let the drivers send Hibernate's insert batches as one command.
        if (url.startsWith("jdbc:mariadb:")) {
            config.addDataSourceProperty("useBulkStmtsForInserts", "true");
        } else if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new HikariDataSource(config);
    }

    private static <T> T timed(Summary summary, String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            summary.stages.put(stage, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private record CustomerToCreate(String code, DemoPeople.Person person, Plan plan, LocalDate installed) {}

    /** What every stage uses. */
    private static final class Context {
        final WispCrm crm;
        final Billing billing;
        final JpaPersistence persistence;
        final LocalFileDocumentStorage storage;
        final DocumentService documents;
        final NotificationDispatcher dispatcher;
        final Counting whatsApp;
        final Counting email;
        volatile Runnable onSend = () -> {};

        Context(
                WispCrm crm,
                Billing billing,
                JpaPersistence persistence,
                LocalFileDocumentStorage storage,
                DocumentService documents,
                NotificationDispatcher dispatcher,
                Counting whatsApp,
                Counting email) {
            this.crm = crm;
            this.billing = billing;
            this.persistence = persistence;
            this.storage = storage;
            this.documents = documents;
            this.dispatcher = dispatcher;
            this.whatsApp = whatsApp;
            this.email = email;
            whatsApp.context = this;
            email.context = this;
        }
    }

    /** Counts what a channel delivered, for the summary and the progress bar. */
    private static final class Counting implements NotificationChannel {
        final FileOutboxChannel channel;
        final AtomicLong sent = new AtomicLong();

        @Nullable
        Context context;

        Counting(FileOutboxChannel channel) {
            this.channel = channel;
        }

        @Override
        public org.wispcrm.core.notification.ChannelName name() {
            return channel.name();
        }

        @Override
        public boolean canReach(Recipient recipient) {
            return channel.canReach(recipient);
        }

        @Override
        public DeliveryReceipt send(OutgoingMessage message) {
            DeliveryReceipt receipt = channel.send(message);
            sent.incrementAndGet();
            if (context != null) {
                context.onSend.run();
            }
            return receipt;
        }
    }
}
