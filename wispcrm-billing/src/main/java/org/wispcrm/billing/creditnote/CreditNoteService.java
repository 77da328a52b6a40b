package org.wispcrm.billing.creditnote;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.DocumentMessageKeys;
import org.wispcrm.billing.document.MessageValues;
import org.wispcrm.billing.invoice.BillingCalculator;
import org.wispcrm.billing.invoice.PricedItem;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CreditMovementKind;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.plan.TaxCategory;

/**
 * Issues credit notes, the only way to cancel an issued invoice in whole or in part. Each note takes the next number
 * of the credit-note series and, in the same unit of work, reduces the invoice's balance; what the invoice had
 * already been paid beyond its new balance, and any customer credit the invoice had used (on a full cancellation),
 * returns to the customer as credit. A {@code CREDIT_NOTE_ISSUED} message is enqueued.
 */
public final class CreditNoteService {
    private final Persistence store;
    private final Clock clock;
    private final BillingPolicy policy;
    private final BillingCalculator calculator;

    /** A service over a store. */
    public CreditNoteService(Persistence store, Clock clock, BillingPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calculator = new BillingCalculator(policy);
    }

    /**
     * Cancels a whole invoice: the note mirrors every line, and the invoice becomes {@code VOID}.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown number; {@code ILLEGAL_TRANSITION} if the invoice
     *     is void already, or has earlier credit notes (credit the rest with {@link #credit}); {@code INVALID_INPUT}
     *     for a blank reason or an invoice whose total is zero
     */
    public CreditNote voidInvoice(InvoiceNumber number, String reason) {
        requireReason(reason);
        return store.transactions().inTransaction(() -> {
            Invoice invoice = find(number);
            if (invoice.amountCredited().isPositive() || !invoice.total().isPositive()) {
                throw WispCrmException.illegalTransition("Invoice", number, invoice.status(), "void (credit the rest)");
            }
            MonetaryAmount creditUsed = Money.zero(invoice.currency());
            for (InvoiceLine line : invoice.lines()) {
                if (line.kind() == InvoiceLineKind.CREDIT_APPLIED) {
                    creditUsed = creditUsed.subtract(line.netAmount());
                }
            }
            CreditNote note = issue(invoice, invoice.lines(), reason, true);
            if (creditUsed.isPositive()) {
                addCredit(invoice, creditUsed, note);
            }
            return note;
        });
    }

    /**
     * Credits part of an invoice: one line of {@code amount} (a price before tax, or including it when the policy's
     * prices include tax) taxed by {@code taxCategory}.
     *
     * @throws WispCrmException {@code INVALID_INPUT} for a zero or foreign amount, a blank reason or description,
     *     or an amount (with tax) beyond what is left to credit; {@code ILLEGAL_TRANSITION} for a void invoice
     */
    public CreditNote credit(
            InvoiceNumber number, MonetaryAmount amount, TaxCategory taxCategory, String description, String reason) {
        var violations = new Violations();
        violations.require(
                amount != null && amount.isPositive() && amount.getCurrency().equals(policy.currency()),
                "amount",
                amount,
                "must be more than zero in " + policy.currency());
        violations.requireText("description", description);
        violations.requireText("reason", reason);
        violations.throwIfAny();
        return store.transactions().inTransaction(() -> {
            Invoice invoice = find(number);
            var item = new PricedItem(
                    InvoiceLineKind.ONE_TIME_CHARGE,
                    description.strip(),
                    null,
                    null,
                    invoice.period(),
                    BillingCalculator.round(amount),
                    taxCategory);
            boolean exempt = store.customers()
                    .findById(invoice.customerId())
                    .map(c -> c.profile().taxExempt())
                    .orElse(false);
            List<InvoiceLine> lines = calculator.taxed(List.of(item), exempt);
            MonetaryAmount total = lines.get(0).total();
            boolean voids = total.isEqualTo(invoice.creditable());
            return issue(invoice, lines, reason, voids);
        });
    }

    private CreditNote issue(Invoice invoice, List<InvoiceLine> lines, String reason, boolean voids) {
        var number = new InvoiceNumber(
                policy.creditNoteSeries(), store.invoiceNumbers().next(policy.creditNoteSeries()));
        LocalDate today = LocalDate.now(clock);
        CreditNote note = CreditNote.issue(CreditNoteId.newId(), number, invoice, today, lines, reason.strip(), voids);
        MonetaryAmount overBefore = invoice.overCredit();
        Invoice credited = store.invoices().save(invoice.applyCreditNote(note.total()));
        CreditNote saved = store.creditNotes().save(note);
        MonetaryAmount released = credited.overCredit().subtract(overBefore);
        if (released.isPositive()) {
            addCredit(invoice, released, saved);
        }
        var model = new LinkedHashMap<String, String>();
        model.put("creditNoteNumber", number.value());
        model.put("invoiceNumber", invoice.requireNumber().value());
        model.put("customerName", invoice.customer().name());
        model.put("amount", MessageValues.money(saved.total()));
        model.put("currency", saved.currency().getCurrencyCode());
        model.put("reason", saved.reason());
        store.outbox()
                .enqueue(Notification.pending(
                        DocumentMessageKeys.creditNoteIssued(number),
                        NotificationKind.CREDIT_NOTE_ISSUED,
                        invoice.customerId(),
                        model,
                        List.of(DocumentKeys.creditNote(number, today)),
                        clock.instant()));
        return saved;
    }

    private void addCredit(Invoice invoice, MonetaryAmount amount, CreditNote note) {
        CustomerCredit credit = store.customerCredits()
                .findByCustomer(invoice.customerId())
                .orElseGet(() -> CustomerCredit.none(invoice.customerId(), amount.getCurrency()));
        store.customerCredits().save(credit.add(amount));
        store.customerCredits()
                .addMovement(CreditMovement.of(
                        invoice.customerId(),
                        CreditMovementKind.CREDIT_NOTE,
                        amount,
                        note.issueDate(),
                        note.number().value(),
                        clock.instant()));
    }

    private Invoice find(InvoiceNumber number) {
        Objects.requireNonNull(number, "number");
        return store.invoices().findByNumber(number).orElseThrow(() -> WispCrmException.notFound("Invoice", number));
    }

    private static void requireReason(String reason) {
        var violations = new Violations();
        violations.requireText("reason", reason);
        violations.throwIfAny();
    }
}
