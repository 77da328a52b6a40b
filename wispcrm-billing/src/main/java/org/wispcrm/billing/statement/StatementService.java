package org.wispcrm.billing.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.Texts;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentStatus;

/**
 * Builds account statements. Invoices and credit notes count at their value before customer credit was applied
 * (credit came from payments or credit notes already on the statement), payments when received and reversals when
 * reversed, so the balance after every document equals what the customer owes on open invoices less their credit.
 */
public final class StatementService {
    private final Persistence store;
    private final BillingPolicy policy;

    /** A service over a store. */
    public StatementService(Persistence store, BillingPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The statement of the days from {@code from} to {@code before} (exclusive).
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code before} is not after {@code from};
     *     {@code NOT_FOUND} for an unknown customer
     */
    public Statement statement(CustomerId customerId, LocalDate from, LocalDate before) {
        BillingPeriod range = BillingPeriod.of(from, before);
        return store.transactions().inTransaction(() -> {
            Customer customer = store.customers()
                    .findById(customerId)
                    .orElseThrow(() -> WispCrmException.notFound("Customer", customerId));
            MonetaryAmount zero = Money.zero(policy.currency());
            Texts texts = Texts.of(customer.profile().locale());
            var all = new ArrayList<Row>();
            for (Invoice invoice : store.invoices().findByCustomer(customerId)) {
                all.add(new Row(
                        invoice.issueDate(),
                        StatementEntry.Kind.INVOICE,
                        invoice.requireNumber().value(),
                        texts.invoiceFor(invoice.period()),
                        valueBeforeCredit(invoice.total(), invoice.lines()),
                        zero,
                        lateFees(invoice)));
            }
            for (CreditNote note : store.creditNotes().findByCustomer(customerId)) {
                all.add(new Row(
                        note.issueDate(),
                        StatementEntry.Kind.CREDIT_NOTE,
                        note.number().value(),
                        note.reason(),
                        zero,
                        valueBeforeCredit(note.total(), note.lines()),
                        zero));
            }
            for (Payment payment : store.payments().findByCustomer(customerId)) {
                all.add(new Row(
                        payment.receivedOn(),
                        StatementEntry.Kind.PAYMENT,
                        payment.externalReference(),
                        payment.method().name(),
                        zero,
                        payment.amount(),
                        zero));
                if (payment.status() == PaymentStatus.REVERSED && payment.reversedOn() != null) {
                    // Credit the payment had created and that was already spent is charged again on the next
                    // invoice; that invoice shows it, so the reversal does not count it twice.
                    MonetaryAmount rebilled = store.charges()
                            .findBySourceReference("reversal:" + payment.id())
                            .map(c -> c.amount())
                            .orElse(zero);
                    all.add(new Row(
                            payment.reversedOn(),
                            StatementEntry.Kind.PAYMENT_REVERSAL,
                            payment.externalReference(),
                            String.valueOf(payment.reversalReason()),
                            payment.amount().subtract(rebilled),
                            zero,
                            zero));
                }
            }
            all.sort(Comparator.comparing(Row::date).thenComparing(Row::kind).thenComparing(Row::reference));
            MonetaryAmount balance = zero;
            MonetaryAmount invoiced = zero;
            MonetaryAmount credited = zero;
            MonetaryAmount paid = zero;
            MonetaryAmount lateFees = zero;
            MonetaryAmount opening = zero;
            var entries = new ArrayList<StatementEntry>();
            for (Row row : all) {
                if (!row.date.isBefore(before)) {
                    break;
                }
                balance = balance.add(row.debit).subtract(row.credit);
                if (row.date.isBefore(from)) {
                    opening = balance;
                    continue;
                }
                entries.add(new StatementEntry(
                        row.date, row.kind, row.reference, row.description, row.debit, row.credit, balance));
                switch (row.kind) {
                    case INVOICE -> {
                        invoiced = invoiced.add(row.debit);
                        lateFees = lateFees.add(row.lateFees);
                    }
                    case CREDIT_NOTE -> credited = credited.add(row.credit);
                    case PAYMENT -> paid = paid.add(row.credit);
                    case PAYMENT_REVERSAL -> paid = paid.subtract(row.debit);
                }
            }
            MonetaryAmount credit = store.customerCredits()
                    .findByCustomer(customerId)
                    .map(c -> c.balance())
                    .orElse(zero);
            return new Statement(
                    customerId,
                    customer.fullName(),
                    range.start(),
                    range.end(),
                    opening,
                    entries,
                    invoiced,
                    credited,
                    paid,
                    lateFees,
                    balance,
                    credit);
        });
    }

    /** What the customer owes on open invoices today, less their unused credit: the closing balance of all time. */
    public MonetaryAmount balanceOf(CustomerId customerId) {
        MonetaryAmount owed = Money.zero(policy.currency());
        for (Invoice invoice : store.invoices().findOpenByCustomer(customerId)) {
            owed = owed.add(invoice.balance());
        }
        MonetaryAmount credit = store.customerCredits()
                .findByCustomer(customerId)
                .map(c -> c.balance())
                .orElse(Money.zero(policy.currency()));
        return owed.subtract(credit);
    }

    private static MonetaryAmount valueBeforeCredit(MonetaryAmount total, List<InvoiceLine> lines) {
        MonetaryAmount value = total;
        for (InvoiceLine line : lines) {
            if (line.kind() == InvoiceLineKind.CREDIT_APPLIED) {
                value = value.subtract(line.netAmount());
            }
        }
        return value;
    }

    private MonetaryAmount lateFees(Invoice invoice) {
        MonetaryAmount fees = Money.zero(policy.currency());
        for (InvoiceLine line : invoice.lines()) {
            if (line.kind() == InvoiceLineKind.LATE_FEE) {
                fees = fees.add(line.total());
            }
        }
        return fees;
    }

    private record Row(
            LocalDate date,
            StatementEntry.Kind kind,
            String reference,
            String description,
            MonetaryAmount debit,
            MonetaryAmount credit,
            MonetaryAmount lateFees) {}
}
