package org.wispcrm.core.customer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.network.NetworkAccessControl;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanRepository;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.NetworkIdentity;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.subscription.SubscriptionStatus;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Customer use cases: registration, contact changes, subscriptions and plan changes, suspension, reactivation,
 * deactivation and search. Each call is one unit of work and returns what it saved. Obtain it from
 * {@code WispCrm.customers()}.
 */
public final class CustomerService {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);
    // Same rule as Customer's compact constructor, checked here so a bad code is reported with the other fields.
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");
    // Crockford's base 32 without I, L, O and U: codes are read aloud over the phone.
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_ATTEMPTS = 10;

    private final TransactionRunner transactions;
    private final CustomerRepository customers;
    private final PlanRepository plans;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final String defaultRegion;
    private final NetworkAccessControl network;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the service; {@code WispCrm} does this for hosts.
     *
     * @param transactions units of work; every use case runs in one
     * @param customers customers
     * @param plans plans
     * @param subscriptions subscriptions
     * @param clock the time source for every date and instant recorded
     * @param defaultRegion region in which phone numbers without a country code are read, such as {@code CO}
     * @param network cuts and restores service at the router
     */
    public CustomerService(
            TransactionRunner transactions,
            CustomerRepository customers,
            PlanRepository plans,
            SubscriptionRepository subscriptions,
            Clock clock,
            String defaultRegion,
            NetworkAccessControl network) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * Registers a customer, and the first subscription if the command has one (pending installation).
     *
     * @throws WispCrmException {@code INVALID_INPUT} naming every bad field (phone, email, billingDay, a retired
     *     planId…); {@code NOT_FOUND} for an unknown plan; {@code DUPLICATE} for a code already taken
     */
    public RegisteredCustomer register(RegisterCustomer command) {
        Objects.requireNonNull(command, "command");
        var violations = new Violations();
        String code = blankToNull(command.code());
        violations.require(
                code == null || CODE.matcher(code).matches(),
                "code",
                code,
                "must be 1 to 40 letters, digits, dots, dashes or underscores");
        violations.require(command.address() != null, "address", null, "must be given");
        violations.require(command.locale() != null, "locale", null, "must be given");
        EmailAddress email = parseEmail(violations, command.email());
        PhoneNumber phone = parsePhone(violations, command.phone());
        NewSubscription sale = command.firstSubscription();
        BillingDay billingDay = sale == null ? null : parseBillingDay(violations, sale.billingDay());
        Instant now = Instant.now(clock);
        CustomerProfile profile = absorb(
                violations,
                () -> new CustomerProfile(
                        command.fullName(),
                        command.nationalId(),
                        email,
                        phone,
                        command.address(),
                        command.locale(),
                        command.notificationPreferences() != null
                                ? command.notificationPreferences()
                                : NotificationPreferences.defaults(),
                        command.taxExempt(),
                        command.dataProcessingConsent() ? now : null));

        return transactions.inTransaction(() -> {
            Plan plan = sale == null ? null : activePlan(violations, sale.planId());
            violations.throwIfAny();
            if (sale != null && plan == null) {
                throw WispCrmException.notFound("Plan", sale.planId());
            }
            Customer customer = Customer.register(CustomerId.newId(), uniqueCode(code), profile, now);
            Customer saved = customers.save(customer);
            Subscription subscription = null;
            if (sale != null) {
                subscription = subscriptions.save(newSubscription(saved, sale, billingDay, now, LocalDate.now(clock)));
            }
            LOG.info("Registered customer {} ({})", saved.id(), saved.code());
            return new RegisteredCustomer(saved, subscription);
        });
    }

    /**
     * Changes a customer's contact data; see {@link ContactUpdate} for what null and blank mean.
     *
     * @throws WispCrmException {@code INVALID_INPUT} naming every bad field; {@code NOT_FOUND} for an unknown
     *     customer
     */
    public Customer updateContact(CustomerId customerId, ContactUpdate update) {
        Objects.requireNonNull(update, "update");
        return transactions.inTransaction(() -> {
            Customer customer = get(customerId);
            CustomerProfile current = customer.profile();
            var violations = new Violations();
            EmailAddress email = update.email() == null
                    ? current.email()
                    : update.email().isBlank() ? null : parseEmail(violations, update.email());
            PhoneNumber phone = update.phone() == null
                    ? current.phone()
                    : update.phone().isBlank() ? null : parsePhone(violations, update.phone());
            String nationalId = update.nationalId() == null
                    ? current.nationalId()
                    : update.nationalId().isBlank() ? null : update.nationalId();
            CustomerProfile profile = absorb(
                    violations,
                    () -> new CustomerProfile(
                            update.fullName() != null ? update.fullName() : current.fullName(),
                            nationalId,
                            email,
                            phone,
                            update.address() != null ? update.address() : current.address(),
                            update.locale() != null ? update.locale() : current.locale(),
                            update.notificationPreferences() != null
                                    ? update.notificationPreferences()
                                    : current.notificationPreferences(),
                            current.taxExempt(),
                            current.dataProcessingConsentAt()));
            violations.throwIfAny();
            return customers.save(customer.updateProfile(profile, Instant.now(clock)));
        });
    }

    /**
     * Sells another subscription to a customer; it waits for its installation order.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer or plan; {@code INVALID_INPUT} for a bad
     *     billing day or a retired plan; {@code ILLEGAL_TRANSITION} if the customer is inactive
     */
    public Subscription addSubscription(CustomerId customerId, NewSubscription sale) {
        Objects.requireNonNull(sale, "sale");
        return transactions.inTransaction(() -> {
            Customer customer = get(customerId);
            if (customer.status() == CustomerStatus.INACTIVE) {
                throw WispCrmException.illegalTransition(
                        "Customer", customer.id(), customer.status(), "add a subscription to");
            }
            var violations = new Violations();
            BillingDay billingDay = parseBillingDay(violations, sale.billingDay());
            Plan plan = activePlan(violations, sale.planId());
            violations.throwIfAny();
            if (plan == null) {
                throw WispCrmException.notFound("Plan", sale.planId());
            }
            Subscription saved = subscriptions.save(
                    newSubscription(customer, sale, billingDay, Instant.now(clock), LocalDate.now(clock)));
            LOG.info("Added subscription {} for customer {}", saved.id(), customerId);
            return saved;
        });
    }

    /**
     * Moves a subscription to another plan from a date on; the plan history keeps the old plan so billing can
     * prorate.
     *
     * @param effectiveFrom first day on the new plan, or null for today
     * @throws WispCrmException {@code NOT_FOUND} for an unknown subscription or plan; {@code INVALID_INPUT} for a
     *     retired plan or a date before the current plan's start; {@code ILLEGAL_TRANSITION} for a cancelled
     *     subscription
     */
    public Subscription changePlan(SubscriptionId subscriptionId, PlanId newPlanId, @Nullable LocalDate effectiveFrom) {
        Objects.requireNonNull(newPlanId, "newPlanId");
        return transactions.inTransaction(() -> {
            Subscription subscription = getSubscription(subscriptionId);
            var violations = new Violations();
            Plan plan = activePlan(violations, newPlanId);
            violations.throwIfAny();
            if (plan == null) {
                throw WispCrmException.notFound("Plan", newPlanId);
            }
            LocalDate from = effectiveFrom != null ? effectiveFrom : LocalDate.now(clock);
            return subscriptions.save(subscription.changePlan(newPlanId, from));
        });
    }

    /**
     * Suspends a customer and cuts each of their active subscriptions at the router, as one unit of work: if the
     * router refuses one, nothing is saved and the subscriptions already cut are restored.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer; {@code ILLEGAL_TRANSITION} unless the
     *     customer is active
     */
    public Customer suspend(CustomerId customerId) {
        return transactions.inTransaction(() -> {
            Customer customer = get(customerId);
            Instant now = Instant.now(clock);
            Customer suspended = customer.suspend(now);
            LocalDate today = LocalDate.now(clock);
            List<Subscription> cut = new ArrayList<>();
            Customer saved;
            try {
                for (Subscription subscription : subscriptions.findByCustomer(customerId)) {
                    if (subscription.status() == SubscriptionStatus.ACTIVE) {
                        Subscription changed = subscriptions.save(subscription.suspend(today));
                        network.suspend(changed);
                        cut.add(changed);
                    }
                }
                saved = customers.save(suspended);
            } catch (RuntimeException e) {
                undo(cut, network::restore, e);
                throw e;
            }
            LOG.info("Suspended customer {} and {} subscription(s)", customerId, cut.size());
            return saved;
        });
    }

    /**
     * Reactivates a suspended (or inactive) customer and restores each of their suspended subscriptions at the
     * router, as one unit of work: if the router refuses one, nothing is saved and those already restored are cut
     * again.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer; {@code ILLEGAL_TRANSITION} if the
     *     customer is already active
     */
    public Customer reactivate(CustomerId customerId) {
        return transactions.inTransaction(() -> {
            Customer customer = get(customerId);
            Customer reactivated = customer.reactivate(Instant.now(clock));
            LocalDate today = LocalDate.now(clock);
            List<Subscription> restored = new ArrayList<>();
            Customer saved;
            try {
                for (Subscription subscription : subscriptions.findByCustomer(customerId)) {
                    if (subscription.status() == SubscriptionStatus.SUSPENDED) {
                        Subscription changed = subscriptions.save(subscription.restore(today));
                        network.restore(changed);
                        restored.add(changed);
                    }
                }
                saved = customers.save(reactivated);
            } catch (RuntimeException e) {
                undo(restored, network::suspend, e);
                throw e;
            }
            LOG.info("Reactivated customer {} and {} subscription(s)", customerId, restored.size());
            return saved;
        });
    }

    /**
     * Ends the relationship: the customer becomes inactive and every subscription not yet cancelled is cancelled
     * today; those that were in service are cut at the router. The customer stays on record.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer; {@code ILLEGAL_TRANSITION} if the
     *     customer is already inactive
     */
    public Customer deactivate(CustomerId customerId) {
        return transactions.inTransaction(() -> {
            Customer customer = get(customerId);
            Customer inactive = customer.deactivate(Instant.now(clock));
            LocalDate today = LocalDate.now(clock);
            List<Subscription> cut = new ArrayList<>();
            Customer saved;
            try {
                for (Subscription subscription : subscriptions.findByCustomer(customerId)) {
                    if (subscription.status() == SubscriptionStatus.CANCELLED) {
                        continue;
                    }
                    boolean inService = subscription.status() == SubscriptionStatus.ACTIVE;
                    Subscription changed = subscriptions.save(subscription.cancel(today));
                    if (inService) {
                        network.suspend(changed);
                        cut.add(changed);
                    }
                }
                saved = customers.save(inactive);
            } catch (RuntimeException e) {
                undo(cut, network::restore, e);
                throw e;
            }
            LOG.info("Deactivated customer {}", customerId);
            return saved;
        });
    }

    /**
     * One page of the customers matching the criteria, ordered by full name, then id.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if the phone cannot be read as a phone number
     */
    public Page<Customer> search(CustomerSearch criteria, PageRequest page) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(page, "page");
        var violations = new Violations();
        String rawPhone = blankToNull(criteria.phone());
        PhoneNumber phone = rawPhone == null ? null : parsePhone(violations, rawPhone);
        violations.throwIfAny();
        var query = new CustomerQuery(
                blankToNull(criteria.nameContains()), blankToNull(criteria.nationalId()), phone, criteria.status());
        return transactions.inTransaction(() -> customers.search(query, page));
    }

    /** The customer with this id. */
    public Optional<Customer> find(CustomerId customerId) {
        return transactions.inTransaction(() -> customers.findById(customerId));
    }

    /** The customer with this code. */
    public Optional<Customer> findByCode(String code) {
        return transactions.inTransaction(() -> customers.findByCode(code));
    }

    /**
     * The customer with this id.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is none
     */
    public Customer get(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return transactions
                .inTransaction(() -> customers.findById(customerId))
                .orElseThrow(() -> WispCrmException.notFound("Customer", customerId));
    }

    /** A customer's subscriptions, oldest first. */
    public List<Subscription> subscriptionsOf(CustomerId customerId) {
        return transactions.inTransaction(() -> subscriptions.findByCustomer(customerId));
    }

    /**
     * The subscription with this id.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is none
     */
    public Subscription getSubscription(SubscriptionId subscriptionId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return transactions
                .inTransaction(() -> subscriptions.findById(subscriptionId))
                .orElseThrow(() -> WispCrmException.notFound("Subscription", subscriptionId));
    }

    private Subscription newSubscription(
            Customer customer, NewSubscription sale, @Nullable BillingDay billingDay, Instant now, LocalDate today) {
        Address address = sale.serviceAddress() != null
                ? sale.serviceAddress()
                : customer.profile().address();
        Subscription subscription = Subscription.order(
                SubscriptionId.newId(), customer.id(), sale.planId(), address, billingDay, now, today);
        NetworkIdentity identity = sale.network();
        if (identity != null) {
            subscription = subscription.withNetwork(identity);
        }
        if (sale.discount() != null) {
            subscription = subscription.withDiscount(sale.discount());
        }
        return subscription;
    }

    /** The plan if it exists; a retired plan is recorded as a violation of {@code planId}. */
    private @Nullable Plan activePlan(Violations violations, PlanId planId) {
        Plan plan = plans.findById(planId).orElse(null);
        if (plan != null) {
            violations.require(plan.active(), "planId", planId, "plan '" + plan.name() + "' is retired");
        }
        return plan;
    }

    private String uniqueCode(@Nullable String requested) {
        if (requested != null) {
            if (customers.findByCode(requested).isPresent()) {
                throw WispCrmException.duplicate("Customer", "code", requested);
            }
            return requested;
        }
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String candidate = generateCode();
            if (customers.findByCode(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw WispCrmException.duplicate("Customer", "code", "generated");
    }

    /** "C-" and eight characters of base 32: 40 random bits, readable and unlikely to collide. */
    private String generateCode() {
        var code = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private @Nullable EmailAddress parseEmail(Violations violations, @Nullable String raw) {
        String email = blankToNull(raw);
        return email == null ? null : violations.capture("email", () -> EmailAddress.of(email));
    }

    private @Nullable PhoneNumber parsePhone(Violations violations, @Nullable String raw) {
        String phone = blankToNull(raw);
        return phone == null ? null : violations.capture("phone", () -> PhoneNumber.parse(phone, defaultRegion));
    }

    private static @Nullable BillingDay parseBillingDay(Violations violations, @Nullable Integer day) {
        return day == null ? null : violations.capture("billingDay", () -> BillingDay.of(day));
    }

    /** Runs a factory; if it rejects its input, records its violations under their own field names. */
    private static <T> @Nullable T absorb(Violations violations, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (WispCrmException e) {
            if (e.code() != ErrorCode.INVALID_INPUT) {
                throw e;
            }
            e.violations().forEach(v -> violations.require(false, v.field(), v.rejectedValue(), v.message()));
            return null;
        } catch (NullPointerException e) {
            // A required part was missing and is already reported (address, locale).
            if (violations.isEmpty()) {
                throw e;
            }
            return null;
        }
    }

    /** Best-effort undo of router calls made before a failure; the failure that caused it is what propagates. */
    private static void undo(List<Subscription> done, Consumer<Subscription> reverse, RuntimeException cause) {
        for (Subscription subscription : done) {
            try {
                reverse.accept(subscription);
            } catch (RuntimeException undoFailure) {
                cause.addSuppressed(undoFailure);
                LOG.warn("Could not undo the router change of subscription {}", subscription.id(), undoFailure);
            }
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
