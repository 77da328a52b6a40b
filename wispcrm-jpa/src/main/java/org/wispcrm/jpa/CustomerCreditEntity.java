package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.payment.CustomerCredit;

@Entity
@Table(name = "customer_credits")
class CustomerCreditEntity extends VersionedEntity {
    @Id
    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    BigDecimal balance = BigDecimal.ZERO;

    String currency = "";

    CustomerCreditEntity() {}

    static CustomerCreditEntity of(CustomerCredit credit) {
        var row = new CustomerCreditEntity();
        row.customerId = credit.customerId().value();
        row.copy(credit);
        return row;
    }

    void copy(CustomerCredit credit) {
        balance = Columns.amount(credit.balance());
        currency = Columns.currency(credit.balance());
    }

    CustomerCredit toDomain() {
        return new CustomerCredit(new CustomerId(customerId), Columns.money(balance, currency), domainVersion());
    }
}
