package org.wispcrm.testkit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.order.ServiceOrderKind;
import org.wispcrm.core.plan.Mbps;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.ticket.Ticket;
import org.wispcrm.core.ticket.TicketPriority;

/**
 * Valid domain objects with Colombian data and COP money, for kits and tests. Times are truncated to microseconds,
 * as databases store them, so what a real adapter reads back equals what was saved. Every object is unsaved
 * (version 0) and gets a fresh id unless the caller gives one.
 */
public final class Fixtures {
    /** The ISP's time zone. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    /** "Now" in every fixture: a Monday afternoon in Bogotá, with microseconds. */
    public static final Instant NOW = Instant.parse("2026-11-02T19:30:15.123456Z");
    /** The date of {@link #NOW} in Bogotá. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    /** A clock stopped at {@link #NOW} in Bogotá. */
    public static final Clock CLOCK = Clock.fixed(NOW, BOGOTA);
    /** Spanish as spoken in Colombia. */
    public static final Locale ES_CO = Locale.forLanguageTag("es-CO");
    /** A Colombian mobile number in E.164 form. */
    public static final PhoneNumber PHONE = PhoneNumber.parse("300 123 4567", "CO");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Fixtures() {}

    /** An amount in Colombian pesos. */
    public static MonetaryAmount cop(long pesos) {
        return Money.of(pesos, "COP");
    }

    /** {@link #NOW} plus some seconds, truncated to microseconds. */
    public static Instant later(long seconds) {
        return NOW.plusSeconds(seconds).truncatedTo(ChronoUnit.MICROS);
    }

    /** A code no other fixture has returned in this JVM, such as {@code CLI-000042}. */
    public static String nextCode() {
        return "CLI-%06d".formatted(SEQUENCE.incrementAndGet());
    }

    /** A full address in Villavicencio, Meta. */
    public static Address address(String line1) {
        return new Address(line1, "Barrio El Centro", "Villavicencio", "Meta", "500001", "CO");
    }

    /** A rural address with only the required parts. */
    public static Address ruralAddress() {
        return Address.of("Vereda La Cuncia, finca El Recreo", "Restrepo", "CO");
    }

    /** A profile with every optional part filled in. */
    public static CustomerProfile profile(String fullName) {
        return new CustomerProfile(
                fullName,
                "1.020.304.050",
                EmailAddress.of("cliente.pruebas@example.co"),
                PHONE,
                address("Calle 37 # 29-45"),
                ES_CO,
                NotificationPreferences.defaults(),
                false,
                NOW.minusSeconds(86_400));
    }

    /** A profile with every optional part empty. */
    public static CustomerProfile minimalProfile(String fullName) {
        return new CustomerProfile(
                fullName, null, null, null, ruralAddress(), ES_CO, NotificationPreferences.none(), true, null);
    }

    /** An active customer with a full profile. */
    public static Customer customer(String code, String fullName) {
        return Customer.register(CustomerId.newId(), code, profile(fullName), NOW);
    }

    /** An active customer with a fresh code. */
    public static Customer customer() {
        return customer(nextCode(), "Ana María Gómez Rojas");
    }

    /** An active customer with a given id and name and a fresh code. */
    public static Customer customer(CustomerId id, String fullName) {
        return Customer.register(id, nextCode(), profile(fullName), NOW);
    }

    /** An active plan with one price from 2026-01-01, 10/2.5 Mbps, taxed at the standard rate. */
    public static Plan plan(String name, long pesos) {
        return new Plan(
                PlanId.newId(),
                name,
                Mbps.of(10),
                new Mbps(new BigDecimal("2.5")),
                List.of(new org.wispcrm.core.plan.PlanPrice(LocalDate.of(2026, 1, 1), cop(pesos))),
                TaxCategory.STANDARD,
                true,
                0);
    }

    /** A plan "Hogar 10 Mbps" at 65,000 COP, with a name made unique by a suffix. */
    public static Plan plan() {
        return plan("Hogar 10 Mbps " + nextCode(), 65_000);
    }

    /** A subscription waiting for installation, billed on the 5th. */
    public static Subscription subscription(CustomerId customerId, PlanId planId) {
        return Subscription.order(
                SubscriptionId.newId(),
                customerId,
                planId,
                address("Carrera 40 # 26C-10"),
                BillingDay.of(5),
                NOW,
                TODAY);
    }

    /** A subscription in service since {@link #TODAY}. */
    public static Subscription activeSubscription(CustomerId customerId, PlanId planId) {
        return subscription(customerId, planId).activate(TODAY);
    }

    /** An open installation order with a 120,000 COP fee. */
    public static ServiceOrder installationOrder(CustomerId customerId, SubscriptionId subscriptionId) {
        return ServiceOrder.open(
                ServiceOrderId.newId(),
                customerId,
                subscriptionId,
                ServiceOrderKind.INSTALLATION,
                "Instalar antena y router en la casa del cliente",
                cop(120_000),
                NOW);
    }

    /** An open repair order without subscription or fee. */
    public static ServiceOrder repairOrder(CustomerId customerId) {
        return ServiceOrder.open(
                ServiceOrderId.newId(), customerId, null, ServiceOrderKind.REPAIR, "Sin señal desde ayer", null, NOW);
    }

    /** A technician visit time in the ISP's local time. */
    public static LocalDateTime visitAt(int dayOfMonth, int hour) {
        return LocalDateTime.of(2026, 11, dayOfMonth, hour, 30);
    }

    /** An open ticket of normal priority. */
    public static Ticket ticket(CustomerId customerId, @Nullable SubscriptionId subscriptionId) {
        return Ticket.open(
                TicketId.newId(),
                customerId,
                subscriptionId,
                "Internet lento en la noche",
                "Desde las 7 p. m. la velocidad baja a menos de 1 Mbps.",
                TicketPriority.NORMAL,
                NOW);
    }

    /** A pending charge. */
    public static Charge charge(
            CustomerId customerId, LocalDate chargeDate, long pesos, @Nullable String sourceReference) {
        return new Charge(
                ChargeId.newId(),
                customerId,
                null,
                ChargeKind.OTHER,
                "Cambio de router",
                cop(pesos),
                TaxCategory.STANDARD,
                chargeDate,
                sourceReference,
                null,
                0);
    }

    /** A pending invoice notification, due at {@code dueAt} and created then. */
    public static Notification notification(CustomerId customerId, String idempotencyKey, Instant dueAt) {
        return new Notification(
                NotificationId.newId(),
                idempotencyKey,
                NotificationKind.INVOICE_ISSUED,
                customerId,
                Map.of("invoiceNumber", "FE-000042", "amount", "$ 77.350", "dueDate", "2026-11-17"),
                List.of(DocumentKey.of("invoices", "2026", "11", "FE-000042.pdf")),
                false,
                NotificationStatus.PENDING,
                0,
                dueAt,
                null,
                null,
                null,
                dueAt,
                null);
    }

    /** A pending invoice notification due at {@link #NOW}. */
    public static Notification notification(CustomerId customerId, String idempotencyKey) {
        return notification(customerId, idempotencyKey, NOW);
    }
}
