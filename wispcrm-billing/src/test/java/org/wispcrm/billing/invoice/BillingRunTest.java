package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.payment.CreditMovementKind;
import org.wispcrm.core.payment.CustomerCredit;

/** The billing run as a whole: idempotence, isolation of failures, charges, credit, dry run, messages. */
class BillingRunTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    BillingWorld world = new BillingWorld(BillingPolicy.defaults(), OCT_1, 2);

    List<Customer> customers(int count) {
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var list = new ArrayList<Customer>();
        for (int i = 0; i < count; i++) {
            var customer = world.customer("Cliente " + i);
            world.subscribe(customer, plan, OCT_1, null);
            list.add(customer);
        }
        return list;
    }

    /** Billing over the world's store with its own chunk size and run threads. */
    Billing billingOnThreads(int chunkSize, int runThreads) {
        return Billing.builder()
                .persistence(world.store)
                .clock(world.clock)
                .chunkSize(chunkSize)
                .runThreads(runThreads)
                .build();
    }

    long invoiceCount() {
        return world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1))
                .totalItems();
    }

    long outboxCount() {
        return world.store
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                .totalItems();
    }

    @Test
    void a_run_invoices_everyone_with_consecutive_numbers_and_a_message_each() {
        customers(5);
        var progress = new ArrayList<Long>();
        var seen = new ArrayList<String>();
        world.clock.today(NOV_1);

        var report = world.billing.invoicing().run(NOV_1, new BillingRunListener() {
            @Override
            public void invoiced(Invoice invoice) {
                seen.add(invoice.number().value());
            }

            @Override
            public void progress(long customersDone) {
                progress.add(customersDone);
            }
        });

        assertThat(report.invoiced()).isEqualTo(5);
        assertThat(report.customers()).isEqualTo(5);
        assertThat(report.failures()).isEmpty();
        assertThat(plain(report.totals().get("COP"))).isEqualTo("386750.00");
        assertThat(progress).containsExactly(2L, 4L, 5L);
        assertThat(seen).containsExactlyInAnyOrder("FE-000001", "FE-000002", "FE-000003", "FE-000004", "FE-000005");
        assertThat(world.store.invoiceNumbers().current("FE")).isEqualTo(5);
        assertThat(outboxCount()).isEqualTo(5);
        var message = world.store
                .outbox()
                .findByIdempotencyKey("invoice-issued:FE-000001")
                .orElseThrow();
        assertThat(message.kind()).isEqualTo(NotificationKind.INVOICE_ISSUED);
        assertThat(message.model())
                .containsEntry("invoiceNumber", "FE-000001")
                .containsEntry("total", "COP 77350.00")
                .containsEntry("currency", "COP")
                .containsEntry("dueDate", "2026-11-11")
                .containsEntry("periodEnd", "2026-11-30");
        assertThat(message.attachments())
                .extracting(Object::toString)
                .containsExactly("invoices/2026/11/FE-000001.pdf");
    }

    @Test
    void running_the_same_date_again_creates_nothing() {
        customers(3);
        world.runOn(NOV_1);
        var before = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(100))
                .items();

        var again = world.runOn(NOV_1);

        assertThat(again.invoiced()).isZero();
        assertThat(again.alreadyBilled()).isEqualTo(3);
        assertThat(world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(100))
                        .items())
                .isEqualTo(before);
        assertThat(world.store.invoiceNumbers().current("FE")).isEqualTo(3);
        assertThat(outboxCount()).isEqualTo(3);
        assertThat(world.runOn(NOV_1.plusDays(5)).alreadyBilled()).isEqualTo(3);
    }

    @Test
    void a_failing_customer_is_reported_and_costs_nobody_else_an_invoice_or_a_number() {
        var good = customers(4);
        var bad = world.customer("Cliente con plan en dólares");
        world.subscribe(bad, world.plan("Plan USD", usd("20.00")), OCT_1, null);
        world.clock.today(NOV_1);

        var report = world.runOn(NOV_1);

        assertThat(report.invoiced()).isEqualTo(4);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.customerId()).isEqualTo(bad.id());
            assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(failure.reason()).contains("USD").contains("COP");
        });
        assertThat(world.invoicesOf(bad)).isEmpty();
        for (var customer : good) {
            assertThat(world.invoicesOf(customer)).hasSize(1);
        }
        assertThat(world.store.invoiceNumbers().current("FE")).isEqualTo(4);
        assertThat(world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(10))
                        .items())
                .extracting(i -> i.number().value())
                .containsExactlyInAnyOrder("FE-000001", "FE-000002", "FE-000003", "FE-000004");
        assertThat(outboxCount()).isEqualTo(4);
    }

    @Test
    @Timeout(30)
    void chunks_billed_on_several_threads_reach_the_listener_on_the_runs_thread_in_customer_order() {
        var good = customers(7);
        var bad = world.customer("Cliente con plan en dólares");
        world.subscribe(bad, world.plan("Plan USD", usd("20.00")), OCT_1, null);
        world.clock.today(NOV_1);
        var billing = billingOnThreads(2, 3);
        var progress = new ArrayList<Long>();
        var numbers = new ArrayList<String>();
        var failed = new ArrayList<CustomerId>();
        var listenerThreads = new HashSet<Thread>();

        var report = billing.invoicing().run(NOV_1, new BillingRunListener() {
            @Override
            public void invoiced(Invoice invoice) {
                listenerThreads.add(Thread.currentThread());
                numbers.add(invoice.number().value());
            }

            @Override
            public void failed(BillingFailure failure) {
                listenerThreads.add(Thread.currentThread());
                failed.add(failure.customerId());
            }

            @Override
            public void progress(long customersDone) {
                listenerThreads.add(Thread.currentThread());
                progress.add(customersDone);
            }
        });

        assertThat(listenerThreads).containsExactly(Thread.currentThread());
        assertThat(progress).containsExactly(2L, 4L, 6L, 8L);
        assertThat(report.customers()).isEqualTo(8);
        assertThat(report.invoiced()).isEqualTo(7);
        assertThat(failed).containsExactly(bad.id());
        assertThat(report.failures()).extracting(BillingFailure::customerId).containsExactly(bad.id());
        // gap-free whatever order the chunks committed in
        assertThat(numbers)
                .containsExactlyInAnyOrder(
                        "FE-000001", "FE-000002", "FE-000003", "FE-000004", "FE-000005", "FE-000006", "FE-000007");
        assertThat(world.store.invoiceNumbers().current("FE")).isEqualTo(7);
        for (var customer : good) {
            assertThat(world.invoicesOf(customer)).hasSize(1);
        }
        assertThat(outboxCount()).isEqualTo(7);
    }

    @Test
    @Timeout(30)
    void a_run_inside_the_hosts_unit_of_work_bills_in_that_unit() {
        customers(5);
        world.clock.today(NOV_1);
        var billing = billingOnThreads(2, 4);

        assertThatThrownBy(() -> world.store.transactions().inTransaction(() -> {
                    assertThat(billing.invoicing().run(NOV_1).invoiced()).isEqualTo(5);
                    throw new IllegalStateException("the host's unit fails after the run");
                }))
                .hasMessage("the host's unit fails after the run");

        assertThat(invoiceCount()).isZero();
        assertThat(outboxCount()).isZero();
        assertThat(world.store.invoiceNumbers().current("FE")).isZero();

        var committed = world.store
                .transactions()
                .inTransaction(() -> billing.invoicing().run(NOV_1));

        assertThat(committed.invoiced()).isEqualTo(5);
        assertThat(invoiceCount()).isEqualTo(5);
    }

    @Test
    void run_threads_out_of_range_are_a_typed_error_naming_the_setting() {
        for (int threads : new int[] {0, BillingService.MAX_THREADS + 1}) {
            assertThatThrownBy(() -> Billing.builder().runThreads(threads))
                    .isInstanceOfSatisfying(WispCrmException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                        assertThat(e.getMessage()).contains("runThreads").contains(Integer.toString(threads));
                    });
        }
    }

    @Test
    void pending_one_time_charges_are_billed_once_and_future_ones_wait() {
        var ana = customers(1).get(0);
        var installation = world.charge(ana, ChargeKind.INSTALLATION, "Instalación", cop("120000"), OCT_1);
        var lateFee = world.charge(ana, ChargeKind.LATE_FEE, "Recargo por mora", cop("5000"), NOV_1);
        var router = world.charge(ana, ChargeKind.EQUIPMENT, "Router", cop("90000"), NOV_1.plusDays(3));

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice))
                .containsExactly(
                        "RECURRING 65000.00 12350.00", "ONE_TIME_CHARGE 120000.00 22800.00", "LATE_FEE 5000.00 950.00");
        assertThat(invoice.lines().get(1).chargeId()).isEqualTo(installation.id());
        assertThat(plain(invoice.total())).isEqualTo("226100.00");
        assertThat(world.store
                        .charges()
                        .findById(installation.id())
                        .orElseThrow()
                        .billedOn())
                .isEqualTo(invoice.id());
        assertThat(world.store.charges().findById(lateFee.id()).orElseThrow().billedOn())
                .isEqualTo(invoice.id());
        assertThat(world.store.charges().findById(router.id()).orElseThrow().isPending())
                .isTrue();

        world.runOn(LocalDate.of(2026, 12, 1));
        assertThat(summary(world.invoiceOn(ana, LocalDate.of(2026, 12, 1))))
                .containsExactly("RECURRING 65000.00 12350.00", "ONE_TIME_CHARGE 90000.00 17100.00");
    }

    @Test
    void customer_credit_pays_part_of_the_invoice_and_is_used_up() {
        var ana = customers(1).get(0);
        world.store
                .customerCredits()
                .save(CustomerCredit.none(ana.id(), cop("0").getCurrency()).add(cop("50000")));

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 65000.00 12350.00", "CREDIT_APPLIED -50000.00 0.00");
        assertThat(plain(invoice.total())).isEqualTo("27350.00");
        assertThat(plain(invoice.subtotal())).isEqualTo("65000.00");
        assertThat(world.store
                        .customerCredits()
                        .findByCustomer(ana.id())
                        .orElseThrow()
                        .balance())
                .isEqualTo(cop("0"));
        assertThat(world.store.customerCredits().findMovements(ana.id()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(CreditMovementKind.APPLIED_TO_INVOICE);
                    assertThat(m.amount()).isEqualTo(cop("-50000"));
                    assertThat(m.reference()).isEqualTo("FE-000001");
                });
    }

    @Test
    void credit_is_shared_by_a_customers_two_invoices_of_one_run_in_period_order() {
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana");
        world.subscribe(ana, plan, OCT_1, null);
        world.subscribe(ana, plan, OCT_1, 15); // another billing day: its period starts earlier, its own invoice
        world.store
                .customerCredits()
                .save(CustomerCredit.none(ana.id(), cop("0").getCurrency()).add(cop("100000")));

        var report = world.runOn(NOV_1);

        assertThat(report.invoiced()).isEqualTo(2);
        assertThat(report.failures()).isEmpty();
        var invoices = world.invoicesOf(ana).stream()
                .sorted(java.util.Comparator.comparing(i -> i.period().start()))
                .toList();
        assertThat(invoices).extracting(i -> i.requireNumber().value()).containsExactly("FE-000001", "FE-000002");
        // the earlier period is paid in full by credit, the later one gets what is left
        assertThat(plain(invoices.get(0).total())).isEqualTo("0.00");
        assertThat(invoices.get(1).total().isPositive()).isTrue();
        List<String> applied =
                invoices.stream().map(BillingRunTest::creditApplied).toList();
        assertThat(applied.get(0))
                .isEqualTo(plain(invoices.get(0)
                        .subtotal()
                        .add(invoices.get(0).taxTotal())
                        .negate()));
        assertThat(cop(applied.get(0)).add(cop(applied.get(1)))).isEqualTo(cop("-100000"));
        assertThat(world.store.customerCredits().findMovements(ana.id()))
                .extracting(m -> plain(m.amount()), m -> m.reference())
                .containsExactly(tuple(applied.get(0), "FE-000001"), tuple(applied.get(1), "FE-000002"));
        assertThat(world.creditOf(ana)).isEqualTo(cop("0"));
    }

    private static String creditApplied(Invoice invoice) {
        return invoice.lines().stream()
                .filter(l -> l.kind() == InvoiceLineKind.CREDIT_APPLIED)
                .map(l -> plain(l.total()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void credit_larger_than_the_invoice_pays_it_all_and_the_rest_stays() {
        var ana = customers(1).get(0);
        world.store
                .customerCredits()
                .save(CustomerCredit.none(ana.id(), cop("0").getCurrency()).add(cop("100000")));

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(plain(invoice.total())).isEqualTo("0.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.store
                        .customerCredits()
                        .findByCustomer(ana.id())
                        .orElseThrow()
                        .balance())
                .isEqualTo(cop("22650"));
    }

    @Test
    void dry_run_shows_the_same_invoices_and_saves_nothing() {
        var list = customers(3);
        world.charge(list.get(0), ChargeKind.INSTALLATION, "Instalación", cop("120000"), OCT_1);
        world.store
                .customerCredits()
                .save(CustomerCredit.none(list.get(1).id(), cop("0").getCurrency())
                        .add(cop("1000")));
        world.clock.today(NOV_1);

        var preview = world.billing.invoicing().dryRun(NOV_1);

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.invoiced()).isEqualTo(3);
        assertThat(preview.previews()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(i.number()).isNull();
        });
        assertThat(invoiceCount()).isZero();
        assertThat(outboxCount()).isZero();
        assertThat(world.store.invoiceNumbers().current("FE")).isZero();
        assertThat(world.store.charges().findPending(List.of(list.get(0).id()), NOV_1))
                .hasSize(1);
        assertThat(world.store
                        .customerCredits()
                        .findByCustomer(list.get(1).id())
                        .orElseThrow()
                        .balance())
                .isEqualTo(cop("1000"));

        var real = world.runOn(NOV_1);
        // 3 x 77,350 + installation 120,000 + IVA 22,800 - credit 1,000

        assertThat(real.totals()).isEqualTo(preview.totals());
        assertThat(plain(real.totals().get("COP"))).isEqualTo("373850.00");
        for (var draft : preview.previews()) {
            var issued =
                    world.store.invoices().findByBillingKey(draft.billingKey()).orElseThrow();
            assertThat(issued.lines()).isEqualTo(draft.lines());
            assertThat(issued.total()).isEqualTo(draft.total());
        }
    }

    @Test
    void the_invoice_keeps_the_customer_as_billed() {
        var ana = customers(1).get(0);
        world.runOn(NOV_1);
        var p = ana.profile();
        var current = world.store.customers().findById(ana.id()).orElseThrow();
        world.store
                .customers()
                .save(current.updateProfile(
                        new CustomerProfile(
                                "Ana María Gómez de Pérez",
                                p.nationalId(),
                                p.email(),
                                p.phone(),
                                p.address(),
                                p.locale(),
                                p.notificationPreferences(),
                                p.taxExempt(),
                                p.dataProcessingConsentAt()),
                        world.clock.instant()));

        var invoice = world.invoiceOn(ana, NOV_1);

        assertThat(invoice.customer().name()).isEqualTo("Cliente 0");
        assertThat(invoice.customer().nationalId()).isEqualTo("1020304050");
        assertThat(invoice.customer().address().singleLine()).isEqualTo("Calle 37 # 29-45, Villavicencio");
    }

    @Test
    void suspended_subscriptions_are_not_billed_unless_the_policy_says_so() {
        var ana = customers(1).get(0);
        var subscription = world.store.subscriptions().findByCustomer(ana.id()).get(0);
        world.suspend(subscription, LocalDate.of(2026, 10, 20));

        assertThat(world.runOn(NOV_1).skipped()).isEqualTo(1);
        assertThat(world.invoicesOf(ana)).isEmpty();

        var billing =
                new BillingWorld(BillingPolicy.builder().billSuspended(true).build(), OCT_1);
        var beto = billing.customer("Beto");
        var sub = billing.subscribe(beto, billing.plan("Hogar", cop("65000")), OCT_1, null);
        billing.suspend(sub, LocalDate.of(2026, 10, 20));
        assertThat(billing.runOn(NOV_1).invoiced()).isEqualTo(1);
    }

    @Test
    void generate_for_bills_one_customer_on_demand_once() {
        var ana = customers(1).get(0);
        world.charge(ana, ChargeKind.INSTALLATION, "Instalación", cop("120000"), OCT_1);
        world.clock.today(LocalDate.of(2026, 10, 15));

        var invoice = world.billing.invoicing().generateFor(ana.id(), BillingPeriod.of(OCT_1, NOV_1));
        var again = world.billing.invoicing().generateFor(ana.id(), BillingPeriod.of(OCT_1, NOV_1));

        assertThat(summary(invoice))
                .containsExactly("RECURRING 65000.00 12350.00", "ONE_TIME_CHARGE 120000.00 22800.00");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(invoice.number().value()).isEqualTo("FE-000001");
        assertThat(again).isEqualTo(invoice);
        assertThat(invoiceCount()).isEqualTo(1);
        assertThat(world.runOn(OCT_1.plusDays(20)).alreadyBilled()).isEqualTo(1);
    }

    @Test
    void bad_input_is_a_typed_error_and_changes_nothing() {
        var ana = customers(1).get(0);

        assertThatThrownBy(() -> world.billing.invoicing().generateFor(ana.id(), NOV_1, OCT_1))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("2026-11-01..2026-10-01");
                });
        assertThatThrownBy(() -> world.billing.invoicing().generateFor(ana.id(), NOV_1, NOV_1))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> world.billing
                        .invoicing()
                        .generateFor(world.customer("Sin servicio").id(), BillingPeriod.of(OCT_1, NOV_1)))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> world.billing
                        .invoicing()
                        .generateFor(org.wispcrm.core.common.CustomerId.newId(), BillingPeriod.of(OCT_1, NOV_1)))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(invoiceCount()).isZero();
        assertThat(world.store.invoiceNumbers().current("FE")).isZero();
        assertThat(outboxCount()).isZero();
    }

    @Test
    void nothing_is_billed_before_activation_or_for_pending_installations() {
        var plan = world.plan("Hogar", cop("65000"));
        var ana = world.customer("Ana");
        world.subscribe(ana, plan, LocalDate.of(2026, 11, 20), null);

        var report = world.runOn(NOV_1);

        assertThat(report.invoiced()).isZero();
        assertThat(report.skipped()).isEqualTo(1);
    }
}
