package org.wispcrm.billing.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.DocumentMessageKeys;
import org.wispcrm.billing.document.MessageValues;
import org.wispcrm.billing.dunning.DunningService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CreditMovementKind;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.Subscription;

/**
 * Records payments and reverses them.
 *
 * <p>Recording is one unit of work: the payment is allocated to the named invoices or, if none are named, to the
 * customer's open invoices oldest due first; what is left becomes customer credit (used by the next invoice); a
 * {@code PAYMENT_RECEIVED} message is enqueued; and if the customer was suspended and nothing is overdue any more,
 * service is restored. The external reference makes recording idempotent.
 */
public final class PaymentService {
    private final Persistence store;
    private final Clock clock;
    private final BillingPolicy policy;
    private final DunningService dunning;

    /** A service over a store; reactivation goes through {@code dunning}. */
    public PaymentService(Persistence store, Clock clock, BillingPolicy policy, DunningService dunning) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.dunning = Objects.requireNonNull(dunning, "dunning");
    }

    /**
     * Records a payment. The same external reference with the same customer and amount returns the payment
     * recorded first, unchanged.
     *
     * @throws WispCrmException {@code INVALID_INPUT} naming every bad field (a zero or negative amount, another
     *     currency, a blank reference, an allocation beyond an invoice's balance or beyond the payment, an invoice of
     *     another customer); {@code DUPLICATE} if the reference was used for another amount or customer;
     *     {@code NOT_FOUND} for an unknown customer or invoice; {@code ILLEGAL_TRANSITION} for a named invoice that
     *     is not open. Nothing is changed when it throws.
     */
    public Payment record(PaymentRequest request) {
        validate(request);
        var result = store.transactions().inTransaction(() -> {
            String reference = request.externalReference().strip();
            var existing = store.payments().findByExternalReference(reference);
            if (existing.isPresent()) {
                Payment first = existing.get();
                if (!first.customerId().equals(request.customerId())
                        || !first.amount().isEqualTo(request.amount())) {
                    throw WispCrmException.duplicate("Payment", "externalReference", reference);
                }
                return new Recorded(first, List.of());
            }
            Customer customer = store.customers()
                    .findById(request.customerId())
                    .orElseThrow(() -> WispCrmException.notFound("Customer", request.customerId()));
            var allocations = allocate(customer, request);
            Payment payment = Payment.record(
                    customer.id(),
                    request.amount(),
                    request.method(),
                    reference,
                    request.receivedOn(),
                    allocations,
                    clock.instant());
            MonetaryAmount leftover = payment.unallocated();
            if (leftover.isPositive()) {
                addCredit(
                        customer,
                        leftover,
                        CreditMovementKind.OVERPAYMENT,
                        request.receivedOn(),
                        "payment:" + reference);
            }
            Payment saved = store.payments().save(payment);
            store.outbox().enqueue(received(saved, customer, leftover));
            var restored = dunning.restoreIfSettled(customer.id(), LocalDate.now(clock));
            return new Recorded(saved, restored);
        });
        dunning.tellRouter(result.restored);
        return result.payment;
    }

    /**
     * Reverses a payment (a bounced transfer, a chargeback): the invoices it paid are reopened and the credit it
     * created is taken back. Credit already spent by a later invoice is charged again as a one-time charge on the
     * next invoice, so no money is lost.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown reference; {@code ILLEGAL_TRANSITION} if already
     *     reversed; {@code INVALID_INPUT} for a blank reason or a date before the payment
     */
    public Payment reverse(String externalReference, LocalDate on, String reason) {
        var violations = new Violations();
        violations.requireText("externalReference", externalReference);
        violations.require(on != null, "reversedOn", null, "must be present");
        violations.requireText("reason", reason);
        violations.throwIfAny();
        return store.transactions().inTransaction(() -> {
            Payment payment = store.payments()
                    .findByExternalReference(externalReference.strip())
                    .orElseThrow(() -> WispCrmException.notFound("Payment", externalReference));
            Payment reversed = payment.reverse(on, reason);
            for (PaymentAllocation allocation : payment.allocations()) {
                Invoice invoice = store.invoices()
                        .findById(allocation.invoiceId())
                        .orElseThrow(() -> WispCrmException.notFound("Invoice", allocation.invoiceNumber()));
                MonetaryAmount overBefore = invoice.overCredit();
                Invoice reopened = invoice.reversePayment(allocation.amount());
                store.invoices().save(reopened);
                // A credit note on a paid invoice had turned part of this payment into credit; take it back too.
                MonetaryAmount released = overBefore.subtract(reopened.overCredit());
                if (released.isPositive()) {
                    takeBackCredit(payment, released, on);
                }
            }
            if (payment.unallocated().isPositive()) {
                takeBackCredit(payment, payment.unallocated(), on);
            }
            return store.payments().save(reversed);
        });
    }

    private void takeBackCredit(Payment payment, MonetaryAmount amount, LocalDate on) {
        CustomerCredit credit = store.customerCredits()
                .findByCustomer(payment.customerId())
                .orElseGet(() -> CustomerCredit.none(payment.customerId(), amount.getCurrency()));
        MonetaryAmount available = credit.balance().isLessThan(amount) ? credit.balance() : amount;
        if (available.isPositive()) {
            store.customerCredits().save(credit.use(available));
            store.customerCredits()
                    .addMovement(CreditMovement.of(
                            payment.customerId(),
                            CreditMovementKind.PAYMENT_REVERSED,
                            available.negate(),
                            on,
                            "payment:" + payment.externalReference(),
                            clock.instant()));
        }
        MonetaryAmount spent = amount.subtract(available);
        if (spent.isPositive()) {
            store.charges()
                    .save(Charge.pending(
                            payment.customerId(),
                            null,
                            ChargeKind.OTHER,
                            "Pago reversado " + payment.externalReference(),
                            spent,
                            TaxCategory.EXEMPT,
                            on,
                            "reversal:" + payment.id()));
        }
    }

    private List<PaymentAllocation> allocate(Customer customer, PaymentRequest request) {
        MonetaryAmount remaining = request.amount();
        var allocations = new ArrayList<PaymentAllocation>();
        if (request.allocations().isEmpty()) {
            for (Invoice invoice : store.invoices().findOpenByCustomer(customer.id())) {
                if (!remaining.isPositive()) {
                    break;
                }
                MonetaryAmount take = min(remaining, invoice.balance());
                if (take.isPositive()) {
                    allocations.add(pay(invoice, take));
                    remaining = remaining.subtract(take);
                }
            }
            return allocations;
        }
        for (RequestedAllocation requested : request.allocations()) {
            Invoice invoice = store.invoices()
                    .findByNumber(requested.invoiceNumber())
                    .orElseThrow(() -> WispCrmException.notFound("Invoice", requested.invoiceNumber()));
            if (!invoice.customerId().equals(customer.id())) {
                throw WispCrmException.invalid("allocations", requested.invoiceNumber(), "belongs to another customer");
            }
            MonetaryAmount take = requested.amount() != null ? requested.amount() : min(remaining, invoice.balance());
            if (take.isGreaterThan(remaining)) {
                throw WispCrmException.invalid(
                        "allocations", requested.invoiceNumber(), "exceeds what is left of the payment " + remaining);
            }
            if (take.isPositive() || requested.amount() != null) {
                // applyPayment rejects an amount beyond the balance or an invoice that is not open.
                allocations.add(pay(invoice, take));
                remaining = remaining.subtract(take);
            }
        }
        return allocations;
    }

    private PaymentAllocation pay(Invoice invoice, MonetaryAmount amount) {
        store.invoices().save(invoice.applyPayment(amount));
        return new PaymentAllocation(invoice.id(), invoice.requireNumber(), amount);
    }

    private void addCredit(
            Customer customer, MonetaryAmount amount, CreditMovementKind kind, LocalDate date, String reference) {
        CustomerCredit credit = store.customerCredits()
                .findByCustomer(customer.id())
                .orElseGet(() -> CustomerCredit.none(customer.id(), amount.getCurrency()));
        store.customerCredits().save(credit.add(amount));
        store.customerCredits()
                .addMovement(CreditMovement.of(customer.id(), kind, amount, date, reference, clock.instant()));
    }

    private Notification received(Payment payment, Customer customer, MonetaryAmount leftover) {
        var model = new LinkedHashMap<String, String>();
        model.put("customerName", customer.fullName());
        model.put("amount", MessageValues.money(payment.amount()));
        model.put("currency", payment.amount().getCurrency().getCurrencyCode());
        model.put("reference", payment.externalReference());
        model.put("receivedOn", payment.receivedOn().toString());
        model.put(
                "invoices",
                payment.allocations().stream()
                        .map(a -> a.invoiceNumber().value())
                        .collect(Collectors.joining(", ")));
        model.put("leftover", MessageValues.money(leftover));
        MonetaryAmount credit = store.customerCredits()
                .findByCustomer(customer.id())
                .map(c -> c.balance())
                .orElse(leftover.multiply(0));
        if (credit.isPositive()) {
            // The receipt template shows the credit only when there is some.
            model.put("creditBalance", MessageValues.money(credit));
        }
        return Notification.pending(
                DocumentMessageKeys.paymentReceived(payment.id()),
                NotificationKind.PAYMENT_RECEIVED,
                payment.customerId(),
                model,
                List.of(DocumentKeys.receipt(payment.id().toString(), payment.receivedOn())),
                clock.instant());
    }

    private void validate(PaymentRequest request) {
        var violations = new Violations();
        violations.require(request.customerId() != null, "customerId", null, "must be present");
        violations.require(request.method() != null, "method", null, "must be present");
        violations.require(request.receivedOn() != null, "receivedOn", null, "must be present");
        violations.requireText("externalReference", request.externalReference());
        MonetaryAmount amount = request.amount();
        violations.require(amount != null && amount.isPositive(), "amount", amount, "must be more than zero");
        violations.require(
                amount == null || amount.getCurrency().equals(policy.currency()),
                "amount",
                amount,
                "must be in " + policy.currency());
        if (amount != null && amount.getCurrency().equals(policy.currency())) {
            MonetaryAmount named = Money.zero(policy.currency());
            for (RequestedAllocation allocation : request.allocations()) {
                MonetaryAmount part = allocation.amount();
                if (part == null) {
                    continue;
                }
                violations.require(
                        part.getCurrency().equals(policy.currency()) && part.isPositive(),
                        "allocations",
                        part,
                        "must be more than zero in " + policy.currency());
                if (part.getCurrency().equals(policy.currency())) {
                    named = named.add(part);
                }
            }
            violations.require(
                    !named.isGreaterThan(amount), "allocations", named, "must not exceed the payment " + amount);
        }
        violations.throwIfAny();
    }

    private static MonetaryAmount min(MonetaryAmount a, MonetaryAmount b) {
        return a.isLessThan(b) ? a : b;
    }

    private record Recorded(Payment payment, List<Subscription> restored) {}
}
