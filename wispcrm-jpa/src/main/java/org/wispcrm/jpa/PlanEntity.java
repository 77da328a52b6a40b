package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.plan.Mbps;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanPrice;
import org.wispcrm.core.plan.TaxCategory;

@Entity
@Table(name = "plans")
class PlanEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    String name = "";

    @Column(name = "download_mbps")
    BigDecimal downloadMbps = BigDecimal.ONE;

    @Column(name = "upload_mbps")
    BigDecimal uploadMbps = BigDecimal.ONE;

    @Column(name = "tax_category")
    String taxCategory = "";

    boolean active;

    @ElementCollection
    @CollectionTable(name = "plan_prices", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("effectiveFrom")
    List<PriceColumns> prices = new ArrayList<>();

    @Embeddable
    static class PriceColumns {
        @Column(name = "effective_from")
        LocalDate effectiveFrom = LocalDate.EPOCH;

        BigDecimal amount = BigDecimal.ZERO;

        String currency = "";

        PriceColumns() {}
    }

    PlanEntity() {}

    static PlanEntity of(Plan plan) {
        var row = new PlanEntity();
        row.id = plan.id().value();
        row.copy(plan);
        return row;
    }

    void copy(Plan plan) {
        name = plan.name();
        downloadMbps = plan.download().value();
        uploadMbps = plan.upload().value();
        taxCategory = plan.taxCategory().code();
        active = plan.active();
        var updated = new ArrayList<PriceColumns>();
        for (PlanPrice price : plan.prices()) {
            var columns = new PriceColumns();
            columns.effectiveFrom = price.effectiveFrom();
            columns.amount = Columns.amount(price.monthlyPrice());
            columns.currency = Columns.currency(price.monthlyPrice());
            updated.add(columns);
        }
        if (!samePrices(updated)) {
            prices.clear();
            prices.addAll(updated);
        }
    }

    private boolean samePrices(List<PriceColumns> updated) {
        if (updated.size() != prices.size()) {
            return false;
        }
        for (int i = 0; i < updated.size(); i++) {
            var a = updated.get(i);
            var b = prices.get(i);
            if (!a.effectiveFrom.equals(b.effectiveFrom)
                    || a.amount.compareTo(b.amount) != 0
                    || !a.currency.equals(b.currency)) {
                return false;
            }
        }
        return true;
    }

    Plan toDomain() {
        return new Plan(
                new PlanId(id),
                name,
                new Mbps(downloadMbps),
                new Mbps(uploadMbps),
                prices.stream()
                        .map(p -> new PlanPrice(p.effectiveFrom, Columns.money(p.amount, p.currency)))
                        .toList(),
                new TaxCategory(taxCategory),
                active,
                domainVersion());
    }
}
