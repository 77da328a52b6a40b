package org.wispcrm.billing.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.LateFee;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.payment.PaymentStatus;
import org.wispcrm.core.plan.TaxCategory;

/**
 * Invariants of accounts over random months of billing, payments (some repeated, some reversed), credit notes and
 * daily dunning: allocation conserves money, the credit ledger adds up to the balance, every statement closes at
 * what is owed on open invoices less credit, and re-running dunning changes and sends nothing. Failures name the
 * seed.
 */
class AccountPropertyTest {

    static List<Long> seeds() {
        var seeds = new ArrayList<Long>();
        for (long s = 1; s <= 16; s++) {
            seeds.add(s * 104_729);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void account_invariants_hold(long seed) {
        try {
            check(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Account property failed for seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private void check(RandomGenerator random) {
        var builder = BillingPolicy.builder()
                .pricesIncludeTax(random.nextBoolean())
                .graceDays(random.nextInt(6))
                .suspendAfterDaysOverdue(random.nextBoolean() ? null : 10 + random.nextInt(30))
                .billSuspended(random.nextBoolean());
        if (random.nextBoolean()) {
            builder.lateFee(random.nextBoolean() ? LateFee.fixed(cop(5000)) : LateFee.percent(new BigDecimal("2.5")));
        }
        if (random.nextBoolean()) {
            builder.reconnectionFee(cop(10_000));
        }
        if (random.nextBoolean()) {
            builder.cashRounding(BigDecimal.valueOf(50));
        }
        var start = LocalDate.of(2026, 9, 1);
        var world = new BillingWorld(builder.build(), start);
        var plans = List.of(world.plan("Hogar", cop(65_000)), world.plan("Rural", cop(45_000), TaxCategory.EXEMPT));
        var customers = new ArrayList<Customer>();
        for (int c = 0; c < 2 + random.nextInt(5); c++) {
            var customer = world.customer("Cliente " + c);
            customers.add(customer);
            for (int s = 0; s < 1 + random.nextInt(2); s++) {
                world.subscribe(customer, plans.get(random.nextInt(2)), start.plusDays(random.nextInt(60)), null);
            }
        }
        var references = new ArrayList<Payment>();
        int serial = 0;
        for (var day = start; day.isBefore(LocalDate.of(2027, 1, 15)); day = day.plusDays(1)) {
            world.runOn(day);
            var customer = customers.get(random.nextInt(customers.size()));
            int action = random.nextInt(10);
            if (action < 3) {
                var payment = world.pay(customer, cop(1_000 * (1 + random.nextInt(150))), "REF-" + serial++, day);
                references.add(payment);
            } else if (action == 3 && !references.isEmpty()) {
                var earlier = references.get(random.nextInt(references.size()));
                assertThat(world.pay(
                                customers.stream()
                                        .filter(x -> x.id().equals(earlier.customerId()))
                                        .findFirst()
                                        .orElseThrow(),
                                earlier.amount(),
                                earlier.externalReference(),
                                day))
                        .as("repeated payment")
                        .isEqualTo(world.store.payments().findById(earlier.id()).orElseThrow());
            } else if (action == 4 && !references.isEmpty() && random.nextInt(3) == 0) {
                var earlier = references.remove(random.nextInt(references.size()));
                world.billing.payments().reverse(earlier.externalReference(), day, "Rebotado");
            } else if (action == 5 && random.nextInt(3) == 0) {
                creditNote(world, random, customer);
            }
            var dunning = world.dunOn(day);
            assertThat(dunning.failures()).isEmpty();
            var before = snapshot(world);
            var again = world.dunOn(day);
            assertThat(again.reminders() + again.overdueNotices() + again.lateFees() + again.suspensions())
                    .as("second dunning run on %s", day)
                    .isZero();
            assertThat(snapshot(world))
                    .as("state after re-running dunning on %s", day)
                    .isEqualTo(before);
        }
        var invoices = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1000))
                .items();
        MonetaryAmount paidOnInvoices = cop(0);
        for (Invoice invoice : invoices) {
            paidOnInvoices = paidOnInvoices.add(invoice.amountPaid());
        }
        MonetaryAmount allocated = cop(0);
        for (Customer customer : customers) {
            for (Payment payment : world.store.payments().findByCustomer(customer.id())) {
                assertThat(payment.allocated().add(payment.unallocated())).isEqualTo(payment.amount());
                if (payment.status() == PaymentStatus.RECORDED) {
                    for (PaymentAllocation allocation : payment.allocations()) {
                        allocated = allocated.add(allocation.amount());
                    }
                }
            }
            MonetaryAmount ledger = cop(0);
            for (CreditMovement movement : world.store.customerCredits().findMovements(customer.id())) {
                ledger = ledger.add(movement.amount());
            }
            assertThat(world.creditOf(customer))
                    .as("credit ledger of %s", customer.fullName())
                    .isEqualTo(ledger);
            var statement = world.billing.statements().statement(customer.id(), start, LocalDate.of(2027, 2, 1));
            assertThat(statement.closingBalance())
                    .as("closing balance of %s", customer.fullName())
                    .isEqualTo(world.billing.statements().balanceOf(customer.id()));
            var split = world.billing
                    .statements()
                    .statement(customer.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 1));
            assertThat(split.closingBalance()).isEqualTo(statement.closingBalance());
        }
        assertThat(paidOnInvoices).as("payments allocated = paid on invoices").isEqualTo(allocated);
    }

    private static void creditNote(BillingWorld world, RandomGenerator random, Customer customer) {
        var invoices = world.invoicesOf(customer);
        if (invoices.isEmpty()) {
            return;
        }
        var invoice = invoices.get(random.nextInt(invoices.size()));
        try {
            if (random.nextBoolean()
                    && invoice.amountCredited().isZero()
                    && invoice.total().isPositive()) {
                world.billing.creditNotes().voidInvoice(invoice.requireNumber(), "Anulación");
            } else {
                world.billing
                        .creditNotes()
                        .credit(
                                invoice.requireNumber(),
                                cop(1_000 * (1 + random.nextInt(20))),
                                TaxCategory.STANDARD,
                                "Ajuste",
                                "Falla");
            }
        } catch (WispCrmException e) {
            // a credit beyond what is left, or on a void invoice: refused, and nothing changed
            assertThat(world.invoice(invoice.requireNumber().value()).amountCredited())
                    .isEqualTo(world.invoice(invoice.requireNumber().value()).amountCredited());
        }
    }

    private static List<Object> snapshot(BillingWorld world) {
        return List.of(
                world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(1000))
                        .items(),
                world.store
                        .outbox()
                        .findByStatus(NotificationStatus.PENDING, PageRequest.first(1000))
                        .items(),
                world.router.commands.size());
    }

    private static MonetaryAmount cop(long pesos) {
        return Money.of(pesos, "COP");
    }
}
