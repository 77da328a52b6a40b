package org.wispcrm.testkit;

import static org.wispcrm.testkit.Fixtures.cop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.plan.TaxCategory;

/** Valid invoices, credit notes and payments in COP for the billing kits; unsaved (version 0). */
public final class BillingFixtures {
    /** IVA 19% as a fraction. */
    public static final BigDecimal IVA = new BigDecimal("0.19");

    private BillingFixtures() {}

    /** A month of "Hogar 10 Mbps" at 65,000 + IVA 12,350. */
    public static InvoiceLine recurringLine(@Nullable SubscriptionId subscriptionId, BillingPeriod period) {
        return new InvoiceLine(
                InvoiceLineKind.RECURRING,
                "Hogar 10 Mbps (" + period.start() + " a " + period.lastDay() + ")",
                subscriptionId,
                null,
                period,
                BigDecimal.ONE,
                cop(65_000),
                cop(65_000),
                TaxCategory.STANDARD,
                IVA,
                cop(12_350));
    }

    /** An issued invoice of one month (77,350 COP) for the period starting on {@code periodStart}. */
    public static Invoice invoice(Customer customer, long number, LocalDate periodStart) {
        return invoice(customer, number, periodStart, periodStart, periodStart.plusDays(10));
    }

    /** An issued invoice of one month (77,350 COP) with the given dates. */
    public static Invoice invoice(
            Customer customer, long number, LocalDate periodStart, LocalDate issueDate, LocalDate dueDate) {
        return invoice(InvoiceId.newId(), customer, number, periodStart, issueDate, dueDate);
    }

    /** An issued invoice with a given id. */
    public static Invoice invoice(
            InvoiceId id,
            Customer customer,
            long number,
            LocalDate periodStart,
            LocalDate issueDate,
            LocalDate dueDate) {
        var period = BillingPeriod.monthStartingOn(periodStart);
        return Invoice.draft(
                        id,
                        customer.id(),
                        CustomerSnapshot.of(customer),
                        period,
                        issueDate,
                        dueDate,
                        Monetary.getCurrency("COP"),
                        List.of(recurringLine(null, period)))
                .issue(new InvoiceNumber("FE", number));
    }

    /** An issued invoice with every kind of optional data filled: lines of several kinds, a document key. */
    public static Invoice fullInvoice(
            Customer customer, SubscriptionId subscriptionId, ChargeId chargeId, long number, LocalDate periodStart) {
        var period = BillingPeriod.monthStartingOn(periodStart);
        var partial = BillingPeriod.of(periodStart, periodStart.plusDays(14));
        var lines = List.of(
                new InvoiceLine(
                        InvoiceLineKind.PRORATED,
                        "Hogar 10 Mbps, 14 de 30 días",
                        subscriptionId,
                        null,
                        partial,
                        BigDecimal.ONE,
                        amount("30333.33"),
                        amount("30333.33"),
                        TaxCategory.STANDARD,
                        IVA,
                        amount("5763.33")),
                new InvoiceLine(
                        InvoiceLineKind.DISCOUNT,
                        "Promoción vecinos 10%",
                        subscriptionId,
                        null,
                        partial,
                        BigDecimal.ONE,
                        amount("-3033.33"),
                        amount("-3033.33"),
                        TaxCategory.STANDARD,
                        IVA,
                        amount("-576.33")),
                new InvoiceLine(
                        InvoiceLineKind.ONE_TIME_CHARGE,
                        "Instalación y configuración",
                        null,
                        chargeId,
                        null,
                        new BigDecimal("2"),
                        cop(60_000),
                        cop(120_000),
                        TaxCategory.EXEMPT,
                        BigDecimal.ZERO,
                        cop(0)),
                InvoiceLine.untaxed(InvoiceLineKind.CREDIT_APPLIED, "Saldo a favor aplicado", amount("-10000.00")),
                InvoiceLine.untaxed(InvoiceLineKind.ROUNDING, "Redondeo", amount("0.33")));
        return Invoice.draft(
                        InvoiceId.newId(),
                        customer.id(),
                        CustomerSnapshot.of(customer),
                        period,
                        periodStart,
                        periodStart.plusDays(10),
                        Monetary.getCurrency("COP"),
                        lines)
                .issue(new InvoiceNumber("FE", number))
                .attachDocument(DocumentKey.of("invoices", "2026", "11", new InvoiceNumber("FE", number) + ".pdf"));
    }

    /** A credit note of {@code pesos} (before tax, untaxed) against an issued invoice. */
    public static CreditNote creditNote(Invoice invoice, long number, LocalDate issueDate, long pesos) {
        var line = new InvoiceLine(
                InvoiceLineKind.ONE_TIME_CHARGE,
                "Ajuste por falla del servicio",
                null,
                null,
                invoice.period(),
                BigDecimal.ONE,
                cop(pesos),
                cop(pesos),
                TaxCategory.EXEMPT,
                BigDecimal.ZERO,
                cop(0));
        return CreditNote.issue(
                CreditNoteId.newId(),
                new InvoiceNumber("NC", number),
                invoice,
                issueDate,
                List.of(line),
                "Cinco días sin servicio por daño en la torre",
                false);
    }

    /** A recorded payment with allocations. */
    public static Payment payment(
            CustomerId customerId,
            MonetaryAmount amount,
            String reference,
            LocalDate receivedOn,
            List<PaymentAllocation> allocations) {
        return Payment.record(
                customerId, amount, PaymentMethod.BANK_TRANSFER, reference, receivedOn, allocations, Fixtures.NOW);
    }

    /** An allocation of {@code pesos} to an invoice. */
    public static PaymentAllocation allocation(Invoice invoice, long pesos) {
        return new PaymentAllocation(invoice.id(), invoice.requireNumber(), cop(pesos));
    }

    /** An id whose unsigned order is fixed by its first hex digits ("7fffffff" sorts before "80000000"). */
    public static UUID uuid(String first8Hex) {
        return UUID.fromString(first8Hex + "-0000-7000-8000-000000000000");
    }

    /** A COP amount with cents. */
    public static MonetaryAmount amount(String pesos) {
        return org.javamoney.moneta.Money.of(new BigDecimal(pesos), "COP");
    }

    /** {@link Fixtures#NOW} plus seconds (microsecond precision). */
    public static Instant at(long seconds) {
        return Fixtures.later(seconds);
    }
}
