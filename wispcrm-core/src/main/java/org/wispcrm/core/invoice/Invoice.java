package org.wispcrm.core.invoice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;

/**
 * A customer's invoice for one billing period. Immutable: its lines and totals never change once issued;
 * payments, credit notes and its PDF are recorded through intention-revealing methods that return a new instance,
 * which the caller saves.
 *
 * <p>Invariants checked on construction: {@code subtotal} is the sum of the net amounts of the lines that are not
 * credit applied or rounding, {@code taxTotal} the sum of their taxes, and {@code total} the sum of every line's
 * total (so lines, credit applied and rounding always add up to the total); the balance is
 * {@code total - amountPaid - amountCredited}, never below zero.
 *
 * @param id application-assigned id
 * @param number series and gap-free number; null only while {@code DRAFT}
 * @param customerId who owes it
 * @param customer the customer as billed
 * @param period the billing period it covers
 * @param billingKey idempotency key, unique per customer and period start (see {@link #billingKeyOf})
 * @param issueDate date of issue
 * @param dueDate last day to pay without being overdue
 * @param currency currency of every amount
 * @param lines the lines, in printing order
 * @param subtotal sum of net amounts before tax, credit applied and rounding
 * @param taxTotal sum of taxes
 * @param total amount invoiced, zero or more
 * @param amountPaid sum of payments allocated to it
 * @param amountCredited sum of credit notes against it, at most the total
 * @param status where it stands
 * @param documentKey where its PDF is stored, once rendered
 * @param version optimistic-lock version: 0 until first saved
 */
public record Invoice(
        InvoiceId id,
        @Nullable InvoiceNumber number,
        CustomerId customerId,
        CustomerSnapshot customer,
        BillingPeriod period,
        String billingKey,
        LocalDate issueDate,
        LocalDate dueDate,
        CurrencyUnit currency,
        List<InvoiceLine> lines,
        MonetaryAmount subtotal,
        MonetaryAmount taxTotal,
        MonetaryAmount total,
        MonetaryAmount amountPaid,
        MonetaryAmount amountCredited,
        InvoiceStatus status,
        @Nullable DocumentKey documentKey,
        long version) {

    /** Validates every invariant listed on the type. */
    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(taxTotal, "taxTotal");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountPaid, "amountPaid");
        Objects.requireNonNull(amountCredited, "amountCredited");
        lines = List.copyOf(lines);
        var violations = new Violations();
        violations.require(
                billingKey != null && !billingKey.isBlank() && billingKey.length() <= 100,
                "billingKey",
                billingKey,
                "must be 1 to 100 characters");
        violations.require(!lines.isEmpty(), "lines", lines, "must have at least one line");
        violations.require(!dueDate.isBefore(issueDate), "dueDate", dueDate, "must not be before issue " + issueDate);
        violations.require(
                (status == InvoiceStatus.DRAFT) == (number == null),
                "number",
                number,
                "must be present exactly when the invoice is not a draft");
        violations.require(version >= 0, "version", version, "must not be negative");
        for (var amount : List.of(subtotal, taxTotal, total, amountPaid, amountCredited)) {
            violations.require(
                    amount.getCurrency().equals(currency),
                    "currency",
                    amount,
                    "must be in the invoice currency " + currency);
        }
        for (var line : lines) {
            violations.require(
                    line.currency().equals(currency),
                    "lines",
                    line.description(),
                    () -> "must be in the invoice currency " + currency);
        }
        violations.throwIfAny();
        MonetaryAmount zero = Money.zero(currency);
        MonetaryAmount netSum = zero;
        MonetaryAmount taxSum = zero;
        MonetaryAmount lineTotal = zero;
        for (var line : lines) {
            if (line.kind().inSubtotal()) {
                netSum = netSum.add(line.netAmount());
            }
            taxSum = taxSum.add(line.taxAmount());
            lineTotal = lineTotal.add(line.total());
        }
        MonetaryAmount nets = netSum;
        MonetaryAmount taxes = taxSum;
        MonetaryAmount lineSum = lineTotal;
        violations.require(
                subtotal.isEqualTo(nets), "subtotal", subtotal, () -> "must equal the lines' net sum " + nets);
        violations.require(
                taxTotal.isEqualTo(taxes), "taxTotal", taxTotal, () -> "must equal the lines' tax sum " + taxes);
        violations.require(
                total.isEqualTo(lineSum), "total", total, () -> "must equal the sum of the lines " + lineSum);
        violations.require(!total.isNegative(), "total", total, "must not be negative");
        violations.require(!amountPaid.isNegative(), "amountPaid", amountPaid, "must not be negative");
        violations.require(!amountCredited.isNegative(), "amountCredited", amountCredited, "must not be negative");
        violations.require(
                !amountCredited.isGreaterThan(total),
                "amountCredited",
                amountCredited,
                () -> "must not exceed the total " + total);
        violations.throwIfAny();
    }

    /**
     * The idempotency key of a customer's invoice for the period starting on {@code periodStart}: billing the same
     * customer and period twice (a re-run, a second host, a retry after a crash) collides on it.
     */
    public static String billingKeyOf(CustomerId customerId, LocalDate periodStart) {
        return customerId + "/" + periodStart;
    }

    /** An unnumbered draft whose totals are computed from the lines. */
    public static Invoice draft(
            InvoiceId id,
            CustomerId customerId,
            CustomerSnapshot customer,
            BillingPeriod period,
            LocalDate issueDate,
            LocalDate dueDate,
            CurrencyUnit currency,
            List<InvoiceLine> lines) {
        MonetaryAmount zero = Money.zero(currency);
        MonetaryAmount subtotal = zero;
        MonetaryAmount tax = zero;
        MonetaryAmount total = zero;
        for (var line : lines) {
            if (line.kind().inSubtotal()) {
                subtotal = subtotal.add(line.netAmount());
            }
            tax = tax.add(line.taxAmount());
            total = total.add(line.total());
        }
        return new Invoice(
                id,
                null,
                customerId,
                customer,
                period,
                billingKeyOf(customerId, period.start()),
                issueDate,
                dueDate,
                currency,
                lines,
                subtotal,
                tax,
                total,
                zero,
                zero,
                InvoiceStatus.DRAFT,
                null,
                0);
    }

    /** Issues the draft under its number; an invoice of zero total is paid at once. */
    public Invoice issue(InvoiceNumber invoiceNumber) {
        requireStatus(status == InvoiceStatus.DRAFT, "issue");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        return with(invoiceNumber, amountPaid, amountCredited, documentKey, true);
    }

    /** What is left to pay: total less payments and credit notes, never below zero. */
    public MonetaryAmount balance() {
        MonetaryAmount left = total.subtract(amountPaid).subtract(amountCredited);
        return left.isNegative() ? Money.zero(currency) : left;
    }

    /**
     * What payments and credit notes cover beyond the total (a credit note on a paid invoice); it belongs to the
     * customer as credit.
     */
    public MonetaryAmount overCredit() {
        MonetaryAmount over = amountPaid.add(amountCredited).subtract(total);
        return over.isPositive() ? over : Money.zero(currency);
    }

    /** The printed number; fails for a draft. */
    public InvoiceNumber requireNumber() {
        if (number == null) {
            throw WispCrmException.illegalTransition("Invoice", id, status, "number");
        }
        return number;
    }

    /** Whether it is still owed and its due date is before {@code date}. */
    public boolean isOverdueOn(LocalDate date) {
        return status.isOpen() && dueDate.isBefore(date);
    }

    /** Days since the due date on {@code date} (0 if not overdue). */
    public long daysOverdueOn(LocalDate date) {
        return isOverdueOn(date) ? ChronoUnit.DAYS.between(dueDate, date) : 0;
    }

    /**
     * Records a payment of {@code amount} against the balance.
     *
     * @throws WispCrmException {@code ILLEGAL_TRANSITION} unless issued and open; {@code INVALID_INPUT} if the
     *     amount is not positive, in another currency or more than the balance
     */
    public Invoice applyPayment(MonetaryAmount amount) {
        requireStatus(status.isOpen(), "apply a payment to");
        requirePositive("amount", amount);
        if (amount.isGreaterThan(balance())) {
            throw WispCrmException.invalid("amount", amount, "exceeds the balance " + balance() + " of " + number);
        }
        return with(number, amountPaid.add(amount), amountCredited, documentKey, true);
    }

    /**
     * Takes back {@code amount} of an earlier payment (a bounced transfer), reopening the balance.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if the amount is more than what was paid
     */
    public Invoice reversePayment(MonetaryAmount amount) {
        requireStatus(status != InvoiceStatus.DRAFT, "reverse a payment of");
        requirePositive("amount", amount);
        if (amount.isGreaterThan(amountPaid)) {
            throw WispCrmException.invalid("amount", amount, "exceeds what was paid " + amountPaid + " on " + number);
        }
        return with(number, amountPaid.subtract(amount), amountCredited, documentKey, true);
    }

    /**
     * Records a credit note of {@code amount}; once credit notes cover the whole total the invoice is {@code VOID}.
     * Lines are never edited. If the invoice was already paid, the covered excess is {@link #overCredit()}.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if the amount is more than what is left to credit
     */
    public Invoice applyCreditNote(MonetaryAmount amount) {
        requireStatus(status != InvoiceStatus.DRAFT && status != InvoiceStatus.VOID, "credit");
        requirePositive("amount", amount);
        MonetaryAmount creditable = creditable();
        if (amount.isGreaterThan(creditable)) {
            throw WispCrmException.invalid(
                    "amount", amount, "exceeds what is left to credit " + creditable + " on " + number);
        }
        return with(number, amountPaid, amountCredited.add(amount), documentKey, true);
    }

    /** What credit notes may still cover: the total less what they already cover. */
    public MonetaryAmount creditable() {
        return total.subtract(amountCredited);
    }

    /** Records where the invoice's PDF is stored. */
    public Invoice attachDocument(DocumentKey key) {
        requireStatus(status != InvoiceStatus.DRAFT, "attach a document to");
        Objects.requireNonNull(key, "key");
        return with(number, amountPaid, amountCredited, key, false);
    }

    private Invoice with(
            @Nullable InvoiceNumber newNumber,
            MonetaryAmount paid,
            MonetaryAmount credited,
            @Nullable DocumentKey key,
            boolean recomputeStatus) {
        InvoiceStatus next = recomputeStatus ? statusFor(paid, credited) : status;
        return new Invoice(
                id,
                newNumber,
                customerId,
                customer,
                period,
                billingKey,
                issueDate,
                dueDate,
                currency,
                lines,
                subtotal,
                taxTotal,
                total,
                paid,
                credited,
                next,
                key,
                version);
    }

    private InvoiceStatus statusFor(MonetaryAmount paid, MonetaryAmount credited) {
        if (total.isPositive() && credited.isEqualTo(total)) {
            return InvoiceStatus.VOID;
        }
        MonetaryAmount left = total.subtract(paid).subtract(credited);
        if (!left.isPositive()) {
            return InvoiceStatus.PAID;
        }
        return paid.isPositive() || credited.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
    }

    private void requirePositive(String field, MonetaryAmount amount) {
        if (amount == null || !amount.getCurrency().equals(currency) || !amount.isPositive()) {
            throw WispCrmException.invalid(field, amount, "must be more than zero in " + currency);
        }
    }

    private void requireStatus(boolean allowed, String action) {
        if (!allowed) {
            throw WispCrmException.illegalTransition("Invoice", number != null ? number : id, status, action);
        }
    }

    /** This invoice at another optimistic-lock version: repositories assign versions on save. */
    public Invoice withVersion(long newVersion) {
        return new Invoice(
                id,
                number,
                customerId,
                customer,
                period,
                billingKey,
                issueDate,
                dueDate,
                currency,
                lines,
                subtotal,
                taxTotal,
                total,
                amountPaid,
                amountCredited,
                status,
                documentKey,
                newVersion);
    }
}
