package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.notification.ChannelName;

@Entity
@Table(name = "customers")
class CustomerEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    String code = "";

    @Column(name = "full_name")
    String fullName = "";

    @Column(name = "national_id")
    @Nullable
    String nationalId;

    @Nullable
    String email;

    @Nullable
    String phone;

    @Embedded
    AddressColumns address = new AddressColumns();

    String locale = "";

    /** Channel names, most preferred first, separated by commas. */
    @Column(name = "notify_channels")
    String notifyChannels = "";

    @Column(name = "tax_exempt")
    boolean taxExempt;

    @Column(name = "consent_at")
    @Nullable
    Instant consentAt;

    @Enumerated(EnumType.STRING)
    CustomerStatus status = CustomerStatus.ACTIVE;

    @Column(name = "created_at")
    Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    Instant updatedAt = Instant.EPOCH;

    CustomerEntity() {}

    static CustomerEntity of(Customer customer) {
        var row = new CustomerEntity();
        row.id = customer.id().value();
        row.copy(customer);
        return row;
    }

    void copy(Customer customer) {
        CustomerProfile p = customer.profile();
        code = customer.code();
        fullName = p.fullName();
        nationalId = p.nationalId();
        email = Columns.email(p.email());
        phone = Columns.phone(p.phone());
        address = AddressColumns.of(p.address());
        locale = Columns.locale(p.locale());
        notifyChannels = String.join(
                ",",
                p.notificationPreferences().channels().stream()
                        .map(ChannelName::value)
                        .toList());
        taxExempt = p.taxExempt();
        consentAt = p.dataProcessingConsentAt();
        status = customer.status();
        createdAt = customer.createdAt();
        updatedAt = customer.updatedAt();
    }

    Customer toDomain() {
        var channels = notifyChannels.isEmpty()
                ? java.util.List.<ChannelName>of()
                : Arrays.stream(notifyChannels.split(",")).map(ChannelName::new).toList();
        var profile = new CustomerProfile(
                fullName,
                nationalId,
                Columns.email(email),
                Columns.phone(phone),
                address.toAddress(),
                Columns.locale(locale),
                new NotificationPreferences(channels),
                taxExempt,
                consentAt);
        return new Customer(new CustomerId(id), code, profile, status, createdAt, updatedAt, domainVersion());
    }
}
