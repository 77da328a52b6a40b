package org.wispcrm.benchmarks.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.plan.Mbps;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanPrice;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.Subscription;

/**
 * The ISP being billed: N customers with one active subscription each on one of four home and business plans
 * priced the Colombian way ({@code 54.990} COP before IVA 19%), billed in advance on the 5th, with cash rounding to
 * 50 pesos, so every invoice has two lines (the month of service with its tax, and the rounding). Everything is
 * derived from the customer's index and a seed, so the raw baseline writes rows for the same customers without
 * holding them in memory.
 */
public final class Workload {
    /** The ISP's time zone. */
    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    /** The billing date: every subscription's period of November 5 to December 5 is billed on it. */
    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 5);
    /** 06:00 in Bogotá on the run date. */
    static final Instant NOW = Instant.parse("2026-11-05T11:00:00Z");
    /** The invoice series. */
    static final String SERIES = "FV";
    /** Cash rounding of COP totals. */
    static final BigDecimal CASH_ROUNDING = BigDecimal.valueOf(50);

    private static final String[] FIRST = {
        "Ana", "Luis", "María", "Carlos", "Diana", "Jorge", "Paola", "Andrés", "Luz", "Julián", "Sandra", "Camilo"
    };
    private static final String[] LAST = {
        "Gómez", "Rodríguez", "Martínez", "Rojas", "Pérez", "Díaz", "Moreno", "Castro", "Vargas", "Ramírez"
    };
    private static final String[] CITIES = {"Villavicencio", "Restrepo", "Acacías", "Cumaral", "Granada"};

    /** A plan of the catalogue and how many customers in a hundred are on it. */
    record PlanSpec(String name, int downloadMbps, int uploadMbps, long pesos, int share) {}

    static final List<PlanSpec> PLANS = List.of(
            new PlanSpec("Hogar 10 Mbps", 10, 3, 54_990, 40),
            new PlanSpec("Hogar 20 Mbps", 20, 5, 69_990, 35),
            new PlanSpec("Hogar 50 Mbps", 50, 10, 89_990, 20),
            new PlanSpec("Empresarial 100 Mbps", 100, 30, 149_990, 5));

    private final long seed;

    public Workload(long seed) {
        this.seed = seed;
    }

    /** The billing policy of the run: COP, IVA 19% (the defaults) and cash rounding to 50 pesos. */
    public static BillingPolicy policy() {
        return BillingPolicy.builder()
                .invoiceSeries(SERIES)
                .cashRounding(CASH_ROUNDING)
                .build();
    }

    /** A clock stopped at 06:00 on the run date in Bogotá. */
    public static Clock clock() {
        return Clock.fixed(NOW, BOGOTA);
    }

    /** The catalogue's plan ids (the same for a seed). */
    PlanId planId(int plan) {
        return new PlanId(uuid(-1 - plan, 1, Instant.parse("2024-01-01T00:00:00Z")));
    }

    /** The plan customer {@code i} is on. */
    int planOf(int i) {
        int bucket = Math.floorMod(mix(i, 7), 100);
        int upTo = 0;
        for (int p = 0; p < PLANS.size(); p++) {
            upTo += PLANS.get(p).share();
            if (bucket < upTo) {
                return p;
            }
        }
        return PLANS.size() - 1;
    }

    /** Customer {@code i}'s id: a UUID v7 of the day the customer signed up (customers over the last two years). */
    CustomerId customerId(int i) {
        return new CustomerId(uuid(i, 2, signedUp(i)));
    }

    /** Customer {@code i}'s subscription id. */
    SubscriptionId subscriptionId(int i) {
        return new SubscriptionId(uuid(i, 3, signedUp(i)));
    }

    /** Customer {@code i}'s code. */
    static String code(int i) {
        return "CLI-%07d".formatted(i + 1);
    }

    /** Customer {@code i}'s full name. */
    String name(int i) {
        return FIRST[Math.floorMod(mix(i, 11), FIRST.length)] + " " + LAST[Math.floorMod(mix(i, 13), LAST.length)] + " "
                + LAST[Math.floorMod(mix(i, 17), LAST.length)];
    }

    /** Customer {@code i}'s cédula. */
    static String nationalId(int i) {
        return Long.toString(1_000_000_000L + i * 7L);
    }

    /** Customer {@code i}'s e-mail address. */
    static String email(int i) {
        return "cliente" + (i + 1) + "@correo.example.co";
    }

    /** Customer {@code i}'s mobile number, E.164. */
    static String phone(int i) {
        return "+57300" + "%07d".formatted(i % 10_000_000);
    }

    /** Customer {@code i}'s address. */
    Address address(int i) {
        return new Address(
                "Calle " + (1 + i % 99) + " # " + (1 + i % 47) + "-" + (10 + i % 80),
                null,
                CITIES[Math.floorMod(mix(i, 19), CITIES.length)],
                "Meta",
                "500001",
                "CO");
    }

    /** The day customer {@code i}'s service started: a 5th of the month, 1 to 22 months before the run. */
    LocalDate activatedOn(int i) {
        return RUN_DATE.minusMonths(1 + Math.floorMod(mix(i, 23), 22));
    }

    private Instant signedUp(int i) {
        return activatedOn(i).minusDays(3).atStartOfDay(BOGOTA).toInstant().plusSeconds(i % 86_400);
    }

    /** The plans of the catalogue. */
    List<Plan> plans() {
        var plans = new ArrayList<Plan>();
        for (int p = 0; p < PLANS.size(); p++) {
            PlanSpec spec = PLANS.get(p);
            plans.add(new Plan(
                    planId(p),
                    spec.name(),
                    Mbps.of(spec.downloadMbps()),
                    Mbps.of(spec.uploadMbps()),
                    List.of(new PlanPrice(LocalDate.of(2024, 1, 1), Money.of(spec.pesos(), "COP"))),
                    TaxCategory.STANDARD,
                    true,
                    0));
        }
        return plans;
    }

    /** Customer {@code i}, unsaved. */
    Customer customer(int i) {
        var profile = new CustomerProfile(
                name(i),
                nationalId(i),
                EmailAddress.of(email(i)),
                PhoneNumber.parse(phone(i), "CO"),
                address(i),
                Locale.forLanguageTag("es-CO"),
                NotificationPreferences.defaults(),
                false,
                signedUp(i));
        return Customer.register(customerId(i), code(i), profile, signedUp(i));
    }

    /** Customer {@code i}'s subscription, active since {@link #activatedOn(int)}, unsaved. */
    Subscription subscription(int i) {
        LocalDate activated = activatedOn(i);
        return Subscription.order(
                        subscriptionId(i),
                        customerId(i),
                        planId(planOf(i)),
                        address(i),
                        BillingDay.of(5),
                        signedUp(i),
                        activated.minusDays(3))
                .activate(activated);
    }

    /**
     * Saves the plans and {@code n} customers with their subscriptions through the store's ports,
     * {@code perUnit} customers per transaction.
     */
    public void seed(Persistence store, int n, int perUnit) {
        store.transactions().inTransaction(() -> {
            plans().forEach(store.plans()::save);
            return null;
        });
        for (int from = 0; from < n; from += perUnit) {
            int start = from;
            int end = Math.min(n, from + perUnit);
            store.transactions().inTransaction(() -> {
                for (int i = start; i < end; i++) {
                    store.customers().save(customer(i));
                    store.subscriptions().save(subscription(i));
                }
                return null;
            });
        }
    }

    private long mix(long i, long salt) {
        long z = seed + i * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** A UUID v7 of {@code time} whose random bits come from the seed, the index and a salt. */
    private UUID uuid(long i, long salt, Instant time) {
        var random = new SplittableRandom(mix(i, salt));
        long millis = time.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
