package org.wispcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.customer.RegisteredCustomer;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/** The README's wiring example, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void wires_the_library_and_registers_a_customer() {
        // --- README snippet begins ---
        WispCrm crm = WispCrm.builder()
                .persistence(InMemoryPersistence.create()) // or the JPA adapter
                .defaultPhoneRegion("CO") // numbers typed without +57 are Colombian
                .clock(Clock.system(ZoneId.of("America/Bogota")))
                .build();

        Plan hogar = crm.plans().create(NewPlan.of("Hogar 10 Mbps", 10, 5, Money.of(65_000, "COP")));

        RegisteredCustomer ana = crm.customers()
                .register(RegisterCustomer.builder()
                        .fullName("Ana Pérez")
                        .nationalId("1036654321")
                        .phone("300 123 4567")
                        .email("ana.perez@example.com")
                        .address(Address.of("Calle 10 # 20-30", "Medellín", "CO"))
                        .locale(Locale.forLanguageTag("es-CO"))
                        .firstSubscription(NewSubscription.onPlan(hogar.id()))
                        .build());

        Subscription pending = ana.subscription().orElseThrow(); // PENDING_INSTALL
        ServiceOrder install = crm.serviceOrders()
                .open(OpenServiceOrder.installation(
                        ana.customer().id(), pending.id(), "Install antenna", Money.of(120_000, "COP")));
        crm.serviceOrders().assignTechnician(install.id(), "Julián");
        crm.serviceOrders().start(install.id());
        crm.serviceOrders().complete(install.id(), "Antenna aligned"); // ACTIVE; fee charged once

        try {
            crm.customers()
                    .register(RegisterCustomer.builder()
                            .fullName("Beto")
                            .phone("12")
                            .email("beto@")
                            .build());
            throw new AssertionError("a registration with a bad phone and email must fail");
        } catch (WispCrmException e) {
            // e.code() == INVALID_INPUT; e.violations() names phone, email, address and locale at once
            e.violations().forEach(v -> System.out.println(v.field() + ": " + v.message()));
            // --- README snippet ends ---
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactlyInAnyOrder("phone", "email", "address", "locale");
        }

        assertThat(ana.customer().profile().phone().e164()).isEqualTo("+573001234567");
        assertThat(crm.customers().getSubscription(pending.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(crm.persistence().charges().findByCustomer(ana.customer().id()))
                .singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualTo(Money.of(120_000, "COP")));
    }
}
