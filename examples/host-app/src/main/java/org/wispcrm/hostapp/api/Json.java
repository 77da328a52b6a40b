package org.wispcrm.hostapp.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.ticket.Ticket;

/**
 * What the API returns: plain records with ids as text and money as {@code {"amount": 65000.00, "currency": "COP"}}.
 * Customer email and phone are returned to signed-in staff, who need them to reach the customer.
 */
public final class Json {
    private Json() {}

    /** An amount of money. */
    public record MoneyJson(BigDecimal amount, String currency) {}

    /** One page of items. */
    public record PageJson<T>(List<T> items, int page, int size, long totalItems, long totalPages) {}

    /** An address. */
    public record AddressJson(
            String line1,
            @Nullable String line2,
            String city,
            @Nullable String region,
            @Nullable String postalCode,
            String countryCode) {}

    /** A customer. */
    public record CustomerJson(
            String id,
            String code,
            String fullName,
            @Nullable String nationalId,
            @Nullable String email,
            @Nullable String phone,
            AddressJson address,
            String locale,
            String status,
            boolean taxExempt,
            Instant createdAt,
            long version) {}

    /** A service plan. */
    public record PlanJson(
            String id,
            String name,
            BigDecimal downloadMbps,
            BigDecimal uploadMbps,
            MoneyJson monthlyPrice,
            String taxCategory,
            boolean active) {}

    /** A subscription. */
    public record SubscriptionJson(
            String id,
            String customerId,
            String planId,
            AddressJson serviceAddress,
            String status,
            @Nullable Integer billingDay,
            @Nullable LocalDate activatedOn,
            @Nullable LocalDate suspendedOn,
            @Nullable LocalDate cancelledOn) {}

    /** An invoice line. */
    public record LineJson(
            String kind,
            String description,
            BigDecimal quantity,
            MoneyJson unitPrice,
            MoneyJson netAmount,
            BigDecimal taxRate,
            MoneyJson taxAmount) {}

    /** An invoice. */
    public record InvoiceJson(
            String id,
            @Nullable String number,
            String customerId,
            String customerName,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate issueDate,
            LocalDate dueDate,
            List<LineJson> lines,
            MoneyJson subtotal,
            MoneyJson taxTotal,
            MoneyJson total,
            MoneyJson amountPaid,
            MoneyJson amountCredited,
            MoneyJson balance,
            String status,
            @Nullable String pdf) {}

    /** A payment and where it went. */
    public record PaymentJson(
            String id,
            String customerId,
            MoneyJson amount,
            String method,
            String reference,
            LocalDate receivedOn,
            List<AllocationJson> allocations,
            String status,
            @Nullable LocalDate reversedOn) {}

    /** Part of a payment applied to an invoice. */
    public record AllocationJson(String invoiceId, String invoiceNumber, MoneyJson amount) {}

    /** A credit note. */
    public record CreditNoteJson(
            String id,
            String number,
            String invoiceId,
            String invoiceNumber,
            String customerId,
            LocalDate issueDate,
            MoneyJson netAmount,
            MoneyJson taxAmount,
            MoneyJson total,
            String reason,
            boolean voidsInvoice) {}

    /** A service order. */
    public record ServiceOrderJson(
            String id,
            String customerId,
            @Nullable String subscriptionId,
            String kind,
            String status,
            String description,
            @Nullable String technician,
            @Nullable LocalDateTime scheduledFor,
            @Nullable MoneyJson fee,
            @Nullable String resolution,
            @Nullable LocalDate completedOn) {}

    /** A ticket comment. */
    public record CommentJson(String author, String text, boolean internal, Instant writtenAt) {}

    /** A support ticket. */
    public record TicketJson(
            String id,
            String customerId,
            @Nullable String subscriptionId,
            String subject,
            String description,
            String priority,
            String status,
            @Nullable String assignee,
            List<CommentJson> comments,
            Instant openedAt,
            @Nullable Instant resolvedAt) {}

    /** What a billing run did (or, dry, would do). */
    public record BillingRunJson(
            LocalDate date,
            boolean dryRun,
            long customers,
            long invoiced,
            long alreadyBilled,
            long skipped,
            List<Map<String, String>> failures,
            Map<String, MoneyJson> totals,
            List<InvoiceJson> previews) {}

    static @Nullable MoneyJson moneyOrNull(@Nullable MonetaryAmount m) {
        return m == null ? null : money(m);
    }

    static BigDecimal plain(BigDecimal n) {
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    /** Money as JSON, to its currency's minor units. */
    public static MoneyJson money(MonetaryAmount m) {
        BigDecimal amount = m.getNumber().numberValue(BigDecimal.class);
        int digits = m.getCurrency().getDefaultFractionDigits();
        if (digits >= 0 && amount.scale() < digits) {
            amount = amount.setScale(digits);
        }
        return new MoneyJson(amount, m.getCurrency().getCurrencyCode());
    }

    /** A page of anything. */
    public static <T, R> PageJson<R> page(Page<T> page, java.util.function.Function<T, R> map) {
        return new PageJson<>(
                page.items().stream().map(map).toList(),
                page.request().page(),
                page.request().size(),
                page.totalItems(),
                page.totalPages());
    }

    static AddressJson address(Address a) {
        return new AddressJson(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.countryCode());
    }

    /** A customer. */
    public static CustomerJson customer(Customer c) {
        var p = c.profile();
        return new CustomerJson(
                c.id().toString(),
                c.code(),
                p.fullName(),
                p.nationalId(),
                p.email() == null ? null : p.email().value(),
                p.phone() == null ? null : p.phone().e164(),
                address(p.address()),
                p.locale().toLanguageTag(),
                c.status().name(),
                p.taxExempt(),
                c.createdAt(),
                c.version());
    }

    /** A plan with its price today. */
    public static PlanJson plan(Plan p, LocalDate today) {
        return new PlanJson(
                p.id().toString(),
                p.name(),
                plain(p.download().value()),
                plain(p.upload().value()),
                money(p.priceOn(today)),
                p.taxCategory().code(),
                p.active());
    }

    /** A subscription. */
    public static SubscriptionJson subscription(Subscription s) {
        return new SubscriptionJson(
                s.id().toString(),
                s.customerId().toString(),
                s.currentPlanId().toString(),
                address(s.serviceAddress()),
                s.status().name(),
                s.billingDay() == null ? null : s.billingDay().value(),
                s.activatedOn(),
                s.suspendedOn(),
                s.cancelledOn());
    }

    static LineJson line(InvoiceLine l) {
        return new LineJson(
                l.kind().name(),
                l.description(),
                plain(l.quantity()),
                money(l.unitPrice()),
                money(l.netAmount()),
                plain(l.taxRate()),
                money(l.taxAmount()));
    }

    /** An invoice. */
    public static InvoiceJson invoice(Invoice i) {
        return new InvoiceJson(
                i.id().toString(),
                i.number() == null ? null : i.number().value(),
                i.customerId().toString(),
                i.customer().name(),
                i.period().start(),
                i.period().end(),
                i.issueDate(),
                i.dueDate(),
                i.lines().stream().map(Json::line).toList(),
                money(i.subtotal()),
                money(i.taxTotal()),
                money(i.total()),
                money(i.amountPaid()),
                money(i.amountCredited()),
                money(i.balance()),
                i.status().name(),
                i.number() == null ? null : "/api/invoices/" + i.id() + "/pdf");
    }

    /** A payment. */
    public static PaymentJson payment(Payment p) {
        return new PaymentJson(
                p.id().toString(),
                p.customerId().toString(),
                money(p.amount()),
                p.method().name(),
                p.externalReference(),
                p.receivedOn(),
                p.allocations().stream()
                        .map(a -> new AllocationJson(
                                a.invoiceId().toString(), a.invoiceNumber().value(), money(a.amount())))
                        .toList(),
                p.status().name(),
                p.reversedOn());
    }

    /** A credit note. */
    public static CreditNoteJson creditNote(CreditNote c) {
        return new CreditNoteJson(
                c.id().toString(),
                c.number().value(),
                c.invoiceId().toString(),
                c.invoiceNumber().value(),
                c.customerId().toString(),
                c.issueDate(),
                money(c.netAmount()),
                money(c.taxAmount()),
                money(c.total()),
                c.reason(),
                c.voidsInvoice());
    }

    /** A service order. */
    public static ServiceOrderJson serviceOrder(ServiceOrder o) {
        return new ServiceOrderJson(
                o.id().toString(),
                o.customerId().toString(),
                o.subscriptionId() == null ? null : o.subscriptionId().toString(),
                o.kind().name(),
                o.status().name(),
                o.description(),
                o.technician(),
                o.scheduledFor(),
                moneyOrNull(o.fee()),
                o.resolution(),
                o.completedOn());
    }

    /** A ticket. */
    public static TicketJson ticket(Ticket t) {
        return new TicketJson(
                t.id().toString(),
                t.customerId().toString(),
                t.subscriptionId() == null ? null : t.subscriptionId().toString(),
                t.subject(),
                t.description(),
                t.priority().name(),
                t.status().name(),
                t.assignee(),
                t.comments().stream()
                        .map(c -> new CommentJson(c.author(), c.text(), c.internal(), c.writtenAt()))
                        .toList(),
                t.openedAt(),
                t.resolvedAt());
    }

    /** A billing run's report. */
    public static BillingRunJson billingRun(BillingRunReport r) {
        Map<String, MoneyJson> totals = new TreeMap<>();
        r.totals().forEach((k, v) -> totals.put(k, money(v)));
        return new BillingRunJson(
                r.date(),
                r.dryRun(),
                r.customers(),
                r.invoiced(),
                r.alreadyBilled(),
                r.skipped(),
                r.failures().stream()
                        .map(f -> Map.of(
                                "customerId", f.customerId().toString(),
                                "code", f.code().name(),
                                "reason", f.reason()))
                        .toList(),
                totals,
                r.previews().stream().map(Json::invoice).toList());
    }
}
