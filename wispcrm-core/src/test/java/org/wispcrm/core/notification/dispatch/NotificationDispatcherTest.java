package org.wispcrm.core.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.ACCEPT;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.CRASH_AFTER_ACCEPT;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.REJECT;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.SERVER_ERROR;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.THROTTLED;
import static org.wispcrm.core.notification.dispatch.ScriptedChannel.Outcome.TIMEOUT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.LocalFileDocumentStorage;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.notification.OutgoingMessage;

class NotificationDispatcherTest {
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final Locale ES_CO = Locale.forLanguageTag("es-CO");
    private static final Locale EN_US = Locale.forLanguageTag("en-US");

    private final InMemoryPersistence store = InMemoryPersistence.create();
    private final MutableClock clock = new MutableClock(START);
    private final ScriptedChannel whatsapp = ScriptedChannel.whatsapp();
    private final ScriptedChannel email = ScriptedChannel.email();
    private final MessageTemplates templates = MessageTemplates.builder()
            .ispName("ConectaLlanos")
            .paymentLink("https://pagos.conectallanos.co/?factura={{invoiceNumber}}")
            .build();
    private final RetryPolicy noJitter = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofSeconds(30))
            .jitter(0)
            .build();
    private final List<ScriptedChannel.Outcome> scripted = new ArrayList<>();
    private int customerCount;

    private NotificationDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        dispatcher = dispatcher(null);
    }

    private NotificationDispatcher dispatcher(@Nullable DocumentStorage documents) {
        var builder = NotificationDispatcher.builder(store.outbox(), store.customers(), templates)
                .channel(whatsapp)
                .channel(email)
                .clock(clock)
                .retryPolicy(noJitter)
                .batchSize(10)
                .lease(Duration.ofMinutes(5));
        if (documents != null) {
            builder.documentStorage(documents);
        }
        return builder.build();
    }

    @Test
    void sends_an_invoice_message_in_spanish_on_the_preferred_channel_and_records_the_provider_id() {
        Customer customer = customer("José Ñáñez", "300 123 4567", "jose@example.co", ES_CO);
        Notification invoice = enqueueInvoice(customer, "FE-000123", "COP 59500.00");

        DispatchReport report = dispatcher.dispatchDue();

        assertThat(report).isEqualTo(new DispatchReport(1, 0, 0, 0));
        OutgoingMessage sent = whatsapp.delivered().get(0);
        assertThat(sent.subject()).isEqualTo("Factura FE-000123 de ConectaLlanos");
        assertThat(sent.text())
                .startsWith("Hola José Ñáñez:")
                .contains("Tu factura FE-000123 por $", "59.500 ya está disponible")
                .contains("Vence el 10 de diciembre de 2026.")
                .contains("Puedes pagarla en línea: https://pagos.conectallanos.co/?factura=FE-000123")
                .contains("¡Gracias por confiar en ConectaLlanos!");
        assertThat(sent.recipient().phone()).isEqualTo(PhoneNumber.parse("+573001234567", "CO"));
        assertThat(email.delivered()).isEmpty();
        Notification stored = store.outbox().findById(invoice.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(stored.sentVia()).isEqualTo(ChannelName.WHATSAPP);
        assertThat(stored.providerMessageId()).isEqualTo("whatsapp-1");
        assertThat(stored.attempts()).isEqualTo(1);
    }

    @Test
    void english_customers_get_english_text_and_amounts_in_their_format() {
        Customer customer = customer("Mary Smith", null, "mary@example.com", EN_US);
        enqueueInvoice(customer, "FE-000124", "USD 25.00");

        dispatcher.dispatchDue();

        OutgoingMessage sent = email.delivered().get(0);
        assertThat(sent.subject()).isEqualTo("Invoice FE-000124 from ConectaLlanos");
        assertThat(sent.text()).contains("Your invoice FE-000124 for $25.00 is ready. It is due on December 10, 2026.");
    }

    @Test
    void falls_back_to_email_when_the_customer_has_no_phone_and_escapes_html() {
        Customer customer = customer("Ana <script>alert(1)</script>", null, "ana@example.co", ES_CO);
        enqueueInvoice(customer, "FE-000125", "COP 10000.00");

        dispatcher.dispatchDue();

        assertThat(whatsapp.delivered()).isEmpty();
        OutgoingMessage sent = email.delivered().get(0);
        assertThat(sent.html())
                .contains("<p>Hola Ana &lt;script&gt;alert(1)&lt;/script&gt;:</p>")
                .doesNotContain("<script>");
        assertThat(sent.text()).contains("Hola Ana <script>alert(1)</script>:");
    }

    @Test
    void a_customer_no_channel_can_reach_is_dead_lettered_with_the_reason() {
        Customer customer = customer("Sin Contacto", null, null, ES_CO);
        Notification n = enqueueInvoice(customer, "FE-000126", "COP 10000.00");

        DispatchReport report = dispatcher.dispatchDue();

        assertThat(report.deadLettered()).isEqualTo(1);
        Notification stored = store.outbox().findById(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(stored.lastError()).contains("No preferred channel can reach the customer");
    }

    @Test
    void one_batch_serves_several_customers_and_a_missing_customer_is_dead_lettered_alone() {
        Customer luis = customer("Luis", "3001234567", null, ES_CO);
        Customer mary = customer("Mary Smith", "3007654321", null, EN_US);
        Notification first = enqueueInvoice(luis, "FE-201", "COP 1000.00");
        var orphan = Notification.pending(
                "invoice-issued:FE-202",
                NotificationKind.INVOICE_ISSUED,
                CustomerId.newId(),
                Map.of("invoiceNumber", "FE-202", "total", "COP 1000.00", "dueDate", "2026-12-10"),
                List.of(),
                clock.instant());
        assertThat(store.outbox().enqueue(orphan)).isTrue();
        Notification second = enqueueInvoice(mary, "FE-203", "COP 2000.00");
        Notification third = enqueueInvoice(luis, "FE-204", "COP 3000.00");

        DispatchReport report = dispatcher.dispatchDue();

        assertThat(report).isEqualTo(new DispatchReport(3, 0, 1, 0));
        assertThat(whatsapp.delivered())
                .extracting(m -> m.notificationId(), m -> m.recipient().name())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first.id(), "Luis"),
                        org.assertj.core.groups.Tuple.tuple(second.id(), "Mary Smith"),
                        org.assertj.core.groups.Tuple.tuple(third.id(), "Luis"));
        Notification dead = store.outbox().findById(orphan.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(dead.lastError()).isEqualTo("Customer " + orphan.customerId() + " not found");
    }

    @Test
    void transient_failures_back_off_exponentially_then_succeed() {
        whatsapp.then(SERVER_ERROR, TIMEOUT, ACCEPT);
        Notification n = enqueueInvoice(customer("Luis", "3001234567", null, ES_CO), "FE-1", "COP 1000.00");

        assertThat(dispatcher.dispatchDue().retried()).isEqualTo(1);
        assertThat(store.outbox().findById(n.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(START.plusSeconds(30));
        assertThat(store.outbox().findById(n.id()).orElseThrow().lastError()).isEqualTo("HTTP 500 from provider");

        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.dispatchDue().handled()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue().retried()).isEqualTo(1);
        assertThat(store.outbox().findById(n.id()).orElseThrow().nextAttemptAt())
                .as("second wait doubles")
                .isEqualTo(START.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        Notification stored = store.outbox().findById(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(stored.attempts()).isEqualTo(3);
        assertThat(whatsapp.delivered()).hasSize(1);
    }

    @Test
    void a_providers_retry_after_is_honoured() {
        whatsapp.then(THROTTLED);
        Notification n = enqueueInvoice(customer("Luis", "3001234567", null, ES_CO), "FE-2", "COP 1000.00");

        dispatcher.dispatchDue();

        assertThat(store.outbox().findById(n.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(START.plusSeconds(120));
    }

    @Test
    void exhausted_retries_and_permanent_failures_are_dead_lettered_and_can_be_requeued() {
        whatsapp.then(SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
        Notification flaky = enqueueInvoice(customer("Luis", "3001234567", null, ES_CO), "FE-3", "COP 1000.00");
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(1));
        }
        Notification dead = store.outbox().findById(flaky.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(dead.lastError()).isEqualTo("gave up after 3 attempts: HTTP 500 from provider");

        whatsapp.then(REJECT);
        Notification rejected = enqueueInvoice(customer("Eva", "3009876543", null, ES_CO), "FE-4", "COP 1000.00");
        assertThat(dispatcher.dispatchDue().deadLettered()).isEqualTo(1);
        assertThat(store.outbox().findById(rejected.id()).orElseThrow().lastError())
                .isEqualTo("invalid recipient number");
        assertThat(store.outbox()
                        .findByStatus(NotificationStatus.DEAD, PageRequest.first(10))
                        .totalItems())
                .isEqualTo(2);

        store.outbox().requeue(rejected.id(), clock.instant());
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        assertThat(store.outbox().findById(rejected.id()).orElseThrow().status())
                .isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void a_crash_between_send_and_mark_loses_nothing_and_the_duplicate_is_counted() {
        whatsapp.then(CRASH_AFTER_ACCEPT);
        Notification n = enqueueInvoice(customer("Luis", "3001234567", null, ES_CO), "FE-5", "COP 1000.00");

        assertThatThrownBy(dispatcher::dispatchDue).isInstanceOf(ScriptedChannel.SimulatedCrash.class);
        Notification inFlight = store.outbox().findById(n.id()).orElseThrow();
        assertThat(inFlight.status()).as("still owed: never lost").isEqualTo(NotificationStatus.PENDING);
        assertThat(dispatcher.dispatchDue().handled())
                .as("leased to the dead worker")
                .isZero();

        clock.advance(Duration.ofMinutes(5));
        DispatchReport afterLease = dispatcher.dispatchDue();

        assertThat(afterLease).isEqualTo(new DispatchReport(1, 0, 0, 1));
        assertThat(whatsapp.delivered())
                .as("the provider got it twice; counted once as redelivered")
                .hasSize(2);
        assertThat(store.outbox().findById(n.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void a_template_missing_a_value_dead_letters_instead_of_sending_a_blank() {
        Customer customer = customer("Luis", "3001234567", null, ES_CO);
        var n = Notification.pending(
                "invoice-issued:FE-6",
                NotificationKind.INVOICE_ISSUED,
                customer.id(),
                Map.of("invoiceNumber", "FE-6"),
                List.of(),
                START);
        store.outbox().enqueue(n);

        dispatcher.dispatchDue();

        Notification stored = store.outbox().findById(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(stored.lastError()).contains("invoice_issued.es.mustache").contains("total");
        assertThat(whatsapp.delivered()).isEmpty();
    }

    @Test
    void attachments_wait_for_their_document_then_go_out_with_name_bytes_and_no_file_link(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        DocumentStorage documents = new LocalFileDocumentStorage(root);
        NotificationDispatcher withDocuments = dispatcher(documents);
        Customer customer = customer("Luis", null, "luis@example.co", ES_CO);
        DocumentKey pdf = DocumentKey.of("invoices", "2026", "11", "FE-000007.pdf");
        var n = Notification.pending(
                "invoice-issued:FE-000007",
                NotificationKind.INVOICE_ISSUED,
                customer.id(),
                Map.of("invoiceNumber", "FE-000007", "total", "COP 1000.00", "dueDate", "2026-12-10"),
                List.of(pdf),
                START);
        store.outbox().enqueue(n);

        assertThat(withDocuments.dispatchDue().retried())
                .as("PDF not stored yet")
                .isEqualTo(1);
        documents.put(pdf, "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        clock.advance(Duration.ofMinutes(1));
        assertThat(withDocuments.dispatchDue().sent()).isEqualTo(1);

        var attachment = email.delivered().get(0).attachments().get(0);
        assertThat(attachment.fileName()).isEqualTo("FE-000007.pdf");
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(new String(attachment.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 fake");
        assertThat(attachment.link()).as("a file: URI is useless to a provider").isNull();
    }

    @Test
    void a_channel_that_sends_the_link_never_downloads_the_document_and_one_that_embeds_it_downloads_it_once(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        // a storage with web links, as S3 has: the dispatcher should hand WhatsApp the link and leave the bytes
        var linked = new WebLinkedStorage(root);
        var downloads = linked.downloads;
        NotificationDispatcher withLinks = dispatcher(linked);
        DocumentKey pdf = DocumentKey.of("invoices", "2026", "11", "FE-000008.pdf");
        Customer onWhatsApp = customer("Ana", "3001234567", null, ES_CO);
        Customer onEmail = customer("Luis", null, "luis@example.co", ES_CO);
        for (Customer customer : List.of(onWhatsApp, onEmail)) {
            store.outbox()
                    .enqueue(Notification.pending(
                            "invoice-issued:FE-000008:" + customer.id(),
                            NotificationKind.INVOICE_ISSUED,
                            customer.id(),
                            Map.of("invoiceNumber", "FE-000008", "total", "COP 1000.00", "dueDate", "2026-12-10"),
                            List.of(pdf),
                            START));
        }

        assertThat(withLinks.dispatchDue().retried())
                .as("no link to a document that is not stored yet")
                .isEqualTo(2);
        linked.put(pdf, "%PDF-1.4 linked".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        clock.advance(Duration.ofMinutes(1));
        assertThat(withLinks.dispatchDue().sent()).isEqualTo(2);

        var viaLink = whatsapp.delivered().get(0).attachments().get(0);
        assertThat(viaLink.link()).hasToString("https://docs.example.co/invoices/2026/11/FE-000008.pdf?ttl=604800");
        assertThat(viaLink.contentType()).isEqualTo("application/pdf");
        assertThat(downloads).as("sending a link downloads nothing").hasValue(0);
        var embedded = email.delivered().get(0).attachments().get(0);
        assertThat(new String(embedded.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 linked");
        assertThat(embedded.size()).isEqualTo(15);
        assertThat(downloads).as("fetched once, kept").hasValue(1);
    }

    @Test
    void a_message_whose_attachment_the_outbox_knows_is_stored_is_linked_without_asking_the_storage(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        // counts the existence checks, a HEAD request each on S3
        var linked = new WebLinkedStorage(root);
        var checks = linked.checks;
        DocumentKey marked = DocumentKey.of("invoices", "2026", "11", "FE-000010.pdf");
        DocumentKey unmarked = DocumentKey.of("invoices", "2026", "11", "FE-000011.pdf");
        Customer ana = customer("Ana", "3001234567", null, ES_CO);
        for (DocumentKey pdf : List.of(marked, unmarked)) {
            linked.put(pdf, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf");
            store.outbox()
                    .enqueue(Notification.pending(
                            "invoice-issued:" + pdf.fileName(),
                            NotificationKind.INVOICE_ISSUED,
                            ana.id(),
                            Map.of("invoiceNumber", pdf.fileName(), "total", "COP 1000.00", "dueDate", "2026-12-10"),
                            List.of(pdf),
                            START));
        }
        store.outbox().markAttachmentsStored(List.of("invoice-issued:" + marked.fileName()));

        assertThat(dispatcher(linked).dispatchDue().sent()).isEqualTo(2);

        assertThat(whatsapp.delivered())
                .extracting(m -> m.attachments().get(0).link().toString())
                .containsExactlyInAnyOrder(
                        "https://docs.example.co/" + marked.value() + "?ttl=604800",
                        "https://docs.example.co/" + unmarked.value() + "?ttl=604800");
        assertThat(checks)
                .as("only the unmarked message's document was looked for")
                .hasValue(1);
    }

    @Test
    void a_pass_with_a_spent_budget_stops_after_the_batch_in_hand_and_the_rest_waits_for_the_next() {
        Customer customer = customer("Luis", "3001234567", null, ES_CO);
        for (int i = 0; i < 25; i++) {
            enqueueInvoice(customer, "FE-B" + i, "COP 1000.00");
        }

        DispatchReport first = dispatcher.dispatchDue(Duration.ZERO);

        assertThat(first.sent()).as("one batch of 10").isEqualTo(10);
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(15);
        assertThat(whatsapp.delivered()).hasSize(25);
    }

    @Test
    void several_workers_send_each_message_exactly_once() throws Exception {
        List<NotificationId> ids = new ArrayList<>();
        Customer customer = customer("Luis", "3001234567", null, ES_CO);
        for (int i = 0; i < 300; i++) {
            ids.add(enqueueInvoice(customer, "FE-" + i, "COP 1000.00").id());
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<DispatchReport>> passes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                passes.add(workers.submit(() -> dispatcher.dispatchDue()));
            }
            int sent = 0;
            for (Future<DispatchReport> pass : passes) {
                sent += pass.get().sent();
            }
            assertThat(sent).isEqualTo(300);
        } finally {
            workers.shutdownNow();
        }
        Map<NotificationId, Long> perMessage = whatsapp.delivered().stream()
                .collect(Collectors.groupingBy(OutgoingMessage::notificationId, Collectors.counting()));
        assertThat(perMessage)
                .hasSize(300)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void under_random_faults_every_message_ends_sent_or_dead_and_every_duplicate_is_counted() {
        long seed = System.nanoTime();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        ScriptedChannel.Outcome[] outcomes = ScriptedChannel.Outcome.values();
        Customer customer = customer("Luis", "3001234567", null, ES_CO);
        List<NotificationId> ids = new ArrayList<>();
        scripted.clear();
        for (int i = 0; i < 200; i++) {
            ids.add(enqueueInvoice(customer, "FE-R" + i, "COP 1000.00").id());
            ScriptedChannel.Outcome outcome = outcomes[random.nextInt(outcomes.length)];
            scripted.add(outcome);
            whatsapp.then(outcome);
        }
        int redelivered = 0;
        for (int round = 0; round < 50; round++) {
            try {
                redelivered += dispatcher.dispatchDue().redelivered();
            } catch (ScriptedChannel.SimulatedCrash crash) {
                // a worker died; the next round is another worker after the lease
            }
            clock.advance(Duration.ofMinutes(10));
        }

        var statuses = new HashMap<NotificationStatus, Integer>();
        for (NotificationId id : ids) {
            Notification n = store.outbox().findById(id).orElseThrow();
            statuses.merge(n.status(), 1, Integer::sum);
            if (n.status() == NotificationStatus.DEAD) {
                assertThat(n.lastError())
                        .as("seed %d: dead with a reason", seed)
                        .isNotBlank();
            }
        }
        assertThat(statuses.getOrDefault(NotificationStatus.PENDING, 0))
                .as("seed %d: nothing left pending or lost", seed)
                .isZero();
        long duplicates = whatsapp.delivered().stream()
                .collect(Collectors.groupingBy(OutgoingMessage::notificationId, Collectors.counting()))
                .values()
                .stream()
                .mapToLong(count -> count - 1)
                .sum();
        assertThat(crashes(ids.size()))
                .as("seed %d: the script did crash workers", seed)
                .isPositive();
        assertThat(duplicates)
                .as("seed %d: duplicates happen only after crashes, and every one is counted", seed)
                .isPositive()
                .isLessThanOrEqualTo(redelivered);
    }

    @Test
    void the_builder_names_what_is_wrong() {
        assertThatThrownBy(() -> NotificationDispatcher.builder(store.outbox(), store.customers(), templates)
                        .build())
                .isInstanceOf(WispCrmException.class)
                .hasMessageContaining("at least one channel")
                .extracting(e -> ((WispCrmException) e).code())
                .isEqualTo(ErrorCode.CONFIGURATION);
        assertThatThrownBy(() -> NotificationDispatcher.builder(store.outbox(), store.customers(), templates)
                        .channel(whatsapp)
                        .rateLimit(new ChannelName("sms"), 5)
                        .build())
                .hasMessageContaining("rateLimit names channel 'sms'");
        assertThatThrownBy(() -> NotificationDispatcher.builder(store.outbox(), store.customers(), templates)
                        .channel(whatsapp)
                        .channel(ScriptedChannel.whatsapp())
                        .build())
                .hasMessageContaining("distinct names");
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("was 0");
    }

    private long crashes(int firstN) {
        return scripted.stream()
                .limit(firstN)
                .filter(o -> o == CRASH_AFTER_ACCEPT)
                .count();
    }

    private Notification enqueueInvoice(Customer customer, String number, String total) {
        var n = Notification.pending(
                "invoice-issued:" + number,
                NotificationKind.INVOICE_ISSUED,
                customer.id(),
                Map.of("invoiceNumber", number, "total", total, "dueDate", "2026-12-10"),
                List.of(),
                clock.instant());
        assertThat(store.outbox().enqueue(n)).isTrue();
        return n;
    }

    private Customer customer(String name, @Nullable String phone, @Nullable String email, Locale locale) {
        customerCount++;
        var profile = new CustomerProfile(
                name,
                "10203040" + customerCount,
                email == null ? null : EmailAddress.of(email),
                phone == null ? null : PhoneNumber.parse(phone, "CO"),
                Address.of("Calle 10 # 5-20", "Villavicencio", "CO"),
                locale,
                NotificationPreferences.defaults(),
                false,
                null);
        return store.customers().save(Customer.register(CustomerId.newId(), "C-" + customerCount, profile, START));
    }

    /**
     * Documents on local disk behind web links, as S3 serves them: {@code url} checks that the document exists (a HEAD
     * on S3), {@code urlOfStored} does not; counts the existence checks and the downloads.
     */
    private static final class WebLinkedStorage implements DocumentStorage {
        final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
        private final LocalFileDocumentStorage disk;

        WebLinkedStorage(java.nio.file.Path root) {
            this.disk = new LocalFileDocumentStorage(root);
        }

        @Override
        public void put(DocumentKey key, byte[] content, String contentType) {
            disk.put(key, content, contentType);
        }

        @Override
        public java.util.Optional<org.wispcrm.core.document.StoredDocument> get(DocumentKey key) {
            downloads.incrementAndGet();
            return disk.get(key);
        }

        @Override
        public boolean exists(DocumentKey key) {
            checks.incrementAndGet();
            return disk.exists(key);
        }

        @Override
        public java.net.URI url(DocumentKey key, Duration ttl) {
            if (!exists(key)) {
                throw org.wispcrm.core.common.WispCrmException.notFound("Document", key);
            }
            return urlOfStored(key, ttl);
        }

        @Override
        public java.net.URI urlOfStored(DocumentKey key, Duration ttl) {
            return java.net.URI.create("https://docs.example.co/" + key.value() + "?ttl=" + ttl.toSeconds());
        }
    }
}
