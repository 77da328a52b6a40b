package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.plan.TaxCategory;

/** An {@link InvoiceLine} as a row of {@code invoice_lines} or {@code credit_note_lines}; currency is the owner's. */
@Embeddable
class LineColumns {
    @Enumerated(EnumType.STRING)
    InvoiceLineKind kind = InvoiceLineKind.RECURRING;

    String description = "";

    @Column(name = "subscription_id")
    @Nullable
    UUID subscriptionId;

    @Column(name = "charge_id")
    @Nullable
    UUID chargeId;

    @Column(name = "period_start")
    @Nullable
    LocalDate periodStart;

    @Column(name = "period_end")
    @Nullable
    LocalDate periodEnd;

    BigDecimal quantity = BigDecimal.ONE;

    @Column(name = "unit_price")
    BigDecimal unitPrice = BigDecimal.ZERO;

    @Column(name = "net_amount")
    BigDecimal netAmount = BigDecimal.ZERO;

    @Column(name = "tax_category")
    String taxCategory = "";

    @Column(name = "tax_rate")
    BigDecimal taxRate = BigDecimal.ZERO;

    @Column(name = "tax_amount")
    BigDecimal taxAmount = BigDecimal.ZERO;

    LineColumns() {}

    static LineColumns of(InvoiceLine line) {
        var c = new LineColumns();
        c.kind = line.kind();
        c.description = line.description();
        c.subscriptionId =
                line.subscriptionId() == null ? null : line.subscriptionId().value();
        c.chargeId = line.chargeId() == null ? null : line.chargeId().value();
        c.periodStart =
                line.servicePeriod() == null ? null : line.servicePeriod().start();
        c.periodEnd = line.servicePeriod() == null ? null : line.servicePeriod().end();
        c.quantity = line.quantity();
        c.unitPrice = Columns.amount(line.unitPrice());
        c.netAmount = Columns.amount(line.netAmount());
        c.taxCategory = line.taxCategory().code();
        c.taxRate = line.taxRate();
        c.taxAmount = Columns.amount(line.taxAmount());
        return c;
    }

    InvoiceLine toDomain(CurrencyUnit currency) {
        return new InvoiceLine(
                kind,
                description,
                subscriptionId == null ? null : new SubscriptionId(subscriptionId),
                chargeId == null ? null : new ChargeId(chargeId),
                periodStart == null || periodEnd == null ? null : new BillingPeriod(periodStart, periodEnd),
                Columns.decimal(quantity),
                Columns.money(unitPrice, currency),
                Columns.money(netAmount, currency),
                new TaxCategory(taxCategory),
                Columns.decimal(taxRate),
                Columns.money(taxAmount, currency));
    }
}
