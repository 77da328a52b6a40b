package org.wispcrm.core.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;

/**
 * A numbered credit note: the only way to cancel all or part of an issued invoice. Its lines carry what is
 * credited, with the signs of the invoice lines they reverse (a full cancellation mirrors the invoice's lines, its
 * discounts and rounding included), and its total, always positive, reduces the invoice's balance; what the invoice had already been paid
 * beyond that becomes customer credit.
 *
 * @param id application-assigned id
 * @param number number in the credit-note series ({@code NC-000007})
 * @param invoiceId the invoice it credits
 * @param invoiceNumber that invoice's number, as printed on the note
 * @param customerId the invoice's customer
 * @param customer the customer as on the invoice
 * @param issueDate date of issue
 * @param currency the invoice's currency
 * @param lines what is credited, signed as on the invoice
 * @param netAmount sum of the lines' net amounts
 * @param taxAmount sum of the lines' taxes
 * @param total net plus tax, more than zero
 * @param reason why, as printed
 * @param voidsInvoice whether, with earlier notes, it covers the invoice's whole total
 * @param documentKey where its PDF is stored, once rendered
 * @param version optimistic-lock version: 0 until first saved
 */
public record CreditNote(
        CreditNoteId id,
        InvoiceNumber number,
        InvoiceId invoiceId,
        InvoiceNumber invoiceNumber,
        CustomerId customerId,
        CustomerSnapshot customer,
        LocalDate issueDate,
        CurrencyUnit currency,
        List<InvoiceLine> lines,
        MonetaryAmount netAmount,
        MonetaryAmount taxAmount,
        MonetaryAmount total,
        String reason,
        boolean voidsInvoice,
        @Nullable DocumentKey documentKey,
        long version) {

    /** Validates that the lines are in one currency and add up to a positive total. */
    public CreditNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(netAmount, "netAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
        var violations = new Violations();
        if (violations.requireText("reason", reason)) {
            violations.require(reason.length() <= 500, "reason", reason, "must be at most 500 characters");
        }
        violations.require(!lines.isEmpty(), "lines", lines, "must have at least one line");
        violations.require(version >= 0, "version", version, "must not be negative");
        violations.throwIfAny();
        MonetaryAmount net = Money.zero(currency);
        MonetaryAmount tax = Money.zero(currency);
        for (var line : lines) {
            violations.require(line.currency().equals(currency), "lines", line.description(), "must be in " + currency);
        }
        violations.throwIfAny();
        for (var line : lines) {
            net = net.add(line.netAmount());
            tax = tax.add(line.taxAmount());
        }
        violations.require(netAmount.isEqualTo(net), "netAmount", netAmount, "must equal the lines' net sum " + net);
        violations.require(taxAmount.isEqualTo(tax), "taxAmount", taxAmount, "must equal the lines' tax sum " + tax);
        violations.require(total.isEqualTo(net.add(tax)), "total", total, "must equal net plus tax " + net.add(tax));
        violations.require(total.isPositive(), "total", total, "must be more than zero");
        violations.throwIfAny();
    }

    /** A new credit note whose amounts are computed from the lines. */
    public static CreditNote issue(
            CreditNoteId id,
            InvoiceNumber number,
            Invoice invoice,
            LocalDate issueDate,
            List<InvoiceLine> lines,
            String reason,
            boolean voidsInvoice) {
        MonetaryAmount net = Money.zero(invoice.currency());
        MonetaryAmount tax = Money.zero(invoice.currency());
        for (var line : lines) {
            net = net.add(line.netAmount());
            tax = tax.add(line.taxAmount());
        }
        return new CreditNote(
                id,
                number,
                invoice.id(),
                invoice.requireNumber(),
                invoice.customerId(),
                invoice.customer(),
                issueDate,
                invoice.currency(),
                lines,
                net,
                tax,
                net.add(tax),
                reason,
                voidsInvoice,
                null,
                0);
    }

    /** Records where the note's PDF is stored. */
    public CreditNote attachDocument(DocumentKey key) {
        Objects.requireNonNull(key, "key");
        if (documentKey != null && !documentKey.equals(key)) {
            throw WispCrmException.invalid("documentKey", key, "credit note " + number + " already has " + documentKey);
        }
        return new CreditNote(
                id,
                number,
                invoiceId,
                invoiceNumber,
                customerId,
                customer,
                issueDate,
                currency,
                lines,
                netAmount,
                taxAmount,
                total,
                reason,
                voidsInvoice,
                key,
                version);
    }

    /** This creditNote at another optimistic-lock version: repositories assign versions on save. */
    public CreditNote withVersion(long newVersion) {
        return new CreditNote(
                id,
                number,
                invoiceId,
                invoiceNumber,
                customerId,
                customer,
                issueDate,
                currency,
                lines,
                netAmount,
                taxAmount,
                total,
                reason,
                voidsInvoice,
                documentKey,
                newVersion);
    }
}
