package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.invoice.CustomerSnapshot;

/** A {@link CustomerSnapshot} as the {@code customer_*} and {@code address_*} columns of a document. */
@Embeddable
class SnapshotColumns {
    @Column(name = "customer_code")
    String code = "";

    @Column(name = "customer_name")
    String name = "";

    @Column(name = "customer_national_id")
    @Nullable
    String nationalId;

    @Column(name = "customer_email")
    @Nullable
    String email;

    @Column(name = "customer_phone")
    @Nullable
    String phone;

    @Column(name = "customer_locale")
    String locale = "";

    @Embedded
    AddressColumns address = new AddressColumns();

    SnapshotColumns() {}

    static SnapshotColumns of(CustomerSnapshot snapshot) {
        var columns = new SnapshotColumns();
        columns.code = snapshot.code();
        columns.name = snapshot.name();
        columns.nationalId = snapshot.nationalId();
        columns.email = Columns.email(snapshot.email());
        columns.phone = Columns.phone(snapshot.phone());
        columns.locale = Columns.locale(snapshot.locale());
        columns.address = AddressColumns.of(snapshot.address());
        return columns;
    }

    CustomerSnapshot toDomain() {
        return new CustomerSnapshot(
                code,
                name,
                nationalId,
                address.toAddress(),
                Columns.email(email),
                Columns.phone(phone),
                Columns.locale(locale));
    }
}
