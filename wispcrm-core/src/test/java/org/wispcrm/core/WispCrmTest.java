package org.wispcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.network.LoggingNetworkAccessControl;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

class WispCrmTest {

    /** A channel that accepts everything, as a host's own channel might. */
    private record AcceptingChannel(ChannelName name, List<OutgoingMessage> sent) implements NotificationChannel {
        AcceptingChannel(String name) {
            this(new ChannelName(name), new ArrayList<>());
        }

        @Override
        public boolean canReach(Recipient recipient) {
            return recipient.phone() != null;
        }

        @Override
        public DeliveryReceipt send(OutgoingMessage message) {
            sent.add(message);
            return new DeliveryReceipt(name, "msg-" + sent.size(), Instant.EPOCH);
        }
    }

    @Test
    void names_every_missing_setting_at_once() {
        var e = catchThrowableOfType(
                WispCrmException.class, () -> WispCrm.builder().build());

        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).contains("persistence is required").contains("defaultPhoneRegion is required");
    }

    @Test
    void names_every_invalid_setting_at_once() {
        var sms = new AcceptingChannel("sms");
        var e = catchThrowableOfType(
                WispCrmException.class,
                () -> WispCrm.builder()
                        .persistence(InMemoryPersistence.create())
                        .clock(null)
                        .defaultPhoneRegion("XX")
                        .networkAccessControl(null)
                        .notificationChannels(Arrays.asList(sms, null, new AcceptingChannel("sms")))
                        .build());

        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage())
                .doesNotContain("persistence")
                .contains("clock must not be null")
                .contains("defaultPhoneRegion 'XX' is not a known phone region")
                .contains("networkAccessControl must not be null")
                .contains("notificationChannels[1] is null")
                .contains("two channels named 'sms'");
    }

    @Test
    void applies_the_defaults_and_exposes_what_it_was_given() {
        var persistence = InMemoryPersistence.create();
        var sms = new AcceptingChannel("sms");

        WispCrm crm = WispCrm.builder()
                .persistence(persistence)
                .defaultPhoneRegion(" co ")
                .notificationChannel(sms)
                .build();

        assertThat(crm.persistence()).isSameAs(persistence);
        assertThat(crm.defaultPhoneRegion()).isEqualTo("CO");
        assertThat(crm.clock().getZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(crm.networkAccessControl()).isInstanceOf(LoggingNetworkAccessControl.class);
        assertThat(crm.documentStorage()).isEmpty();
        assertThat(crm.notificationChannels()).containsExactly(sms);
        assertThat(crm.customers()).isNotNull();
        assertThat(crm.plans()).isNotNull();
        assertThat(crm.serviceOrders()).isNotNull();
        assertThat(crm.tickets()).isNotNull();
    }

    @Test
    void services_use_the_configured_clock_and_phone_region() {
        Instant noon = Instant.parse("2026-07-04T16:00:00Z");
        WispCrm crm = WispCrm.builder()
                .persistence(InMemoryPersistence.create())
                .clock(Clock.fixed(noon, ZoneOffset.UTC))
                .defaultPhoneRegion("US")
                .build();

        var customer = crm.customers()
                .register(RegisterCustomer.builder()
                        .fullName("John Smith")
                        .phone("(650) 253-0000")
                        .address(Address.of("1600 Amphitheatre Pkwy", "Mountain View", "US"))
                        .locale(Locale.US)
                        .build())
                .customer();

        assertThat(customer.createdAt()).isEqualTo(noon);
        assertThat(customer.profile().phone().e164()).isEqualTo("+16502530000");
    }
}
