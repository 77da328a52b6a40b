package org.wispcrm.core.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Plan use cases: create, change the price from a date on, retire, list. Each call is one unit of work and
 * returns what it saved. Obtain it from {@code WispCrm.plans()}.
 */
public final class PlanService {
    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

    private final TransactionRunner transactions;
    private final PlanRepository plans;
    private final Clock clock;

    /**
     * Creates the service; {@code WispCrm} does this for hosts.
     *
     * @param transactions units of work; every use case runs in one
     * @param plans plans
     * @param clock the time source; a new plan's first price applies from today
     */
    public PlanService(TransactionRunner transactions, PlanRepository plans, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an active plan whose price applies from today.
     *
     * @throws WispCrmException {@code INVALID_INPUT} naming every bad field (name, downloadMbps, uploadMbps,
     *     monthlyPrice); {@code DUPLICATE} if a plan already has the name
     */
    public Plan create(NewPlan command) {
        Objects.requireNonNull(command, "command");
        var violations = new Violations();
        if (violations.requireText("name", command.name())) {
            violations.require(
                    command.name().strip().length() <= 100, "name", command.name(), "must be at most 100 characters");
        }
        Mbps download = speed(violations, "downloadMbps", command.downloadMbps());
        Mbps upload = speed(violations, "uploadMbps", command.uploadMbps());
        MonetaryAmount price = command.monthlyPrice();
        violations.require(price != null, "monthlyPrice", null, "must be given");
        violations.require(price == null || !price.isNegative(), "monthlyPrice", price, "must be zero or more");
        violations.throwIfAny();
        String name = command.name().strip();
        TaxCategory category = command.taxCategory() != null ? command.taxCategory() : TaxCategory.STANDARD;
        return transactions.inTransaction(() -> {
            if (plans.findByName(name).isPresent()) {
                throw WispCrmException.duplicate("Plan", "name", name);
            }
            Plan saved = plans.save(
                    Plan.create(PlanId.newId(), name, download, upload, price, LocalDate.now(clock), category));
            LOG.info("Created plan {} ({})", saved.id(), saved.name());
            return saved;
        });
    }

    /**
     * Sets a new monthly price from {@code effectiveFrom} on. Earlier prices stay as they were, so what was
     * already billed is never rewritten; for the same reason the date may not be in the past.
     *
     * @param effectiveFrom first day of the new price, today or later; null for today
     * @throws WispCrmException {@code INVALID_INPUT} for a negative price, another currency or a past date;
     *     {@code NOT_FOUND} for an unknown plan
     */
    public Plan changePrice(PlanId planId, MonetaryAmount newPrice, @Nullable LocalDate effectiveFrom) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = effectiveFrom != null ? effectiveFrom : today;
        var violations = new Violations();
        violations.require(newPrice != null, "monthlyPrice", null, "must be given");
        violations.require(
                newPrice == null || !newPrice.isNegative(), "monthlyPrice", newPrice, "must be zero or more");
        violations.require(
                !from.isBefore(today),
                "effectiveFrom",
                from,
                "must not be in the past: prices already billed are not rewritten");
        violations.throwIfAny();
        return transactions.inTransaction(() -> {
            Plan saved = plans.save(get(planId).changePrice(newPrice, from));
            LOG.info("Plan {} costs {} from {}", planId, newPrice, from);
            return saved;
        });
    }

    /**
     * Closes a plan to new subscriptions; existing subscriptions keep it.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown plan; {@code INVALID_INPUT} if already retired
     */
    public Plan retire(PlanId planId) {
        return transactions.inTransaction(() -> plans.save(get(planId).retire()));
    }

    /** Every plan, active first, then by name. */
    public List<Plan> list() {
        return transactions.inTransaction(() -> plans.findAll());
    }

    /** The plans open to new subscriptions, by name. */
    public List<Plan> listActive() {
        return list().stream().filter(Plan::active).toList();
    }

    /** The plan with this id. */
    public Optional<Plan> find(PlanId planId) {
        return transactions.inTransaction(() -> plans.findById(planId));
    }

    /** The plan with this exact name. */
    public Optional<Plan> findByName(String name) {
        return transactions.inTransaction(() -> plans.findByName(name));
    }

    /**
     * The plan with this id.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is none
     */
    public Plan get(PlanId planId) {
        Objects.requireNonNull(planId, "planId");
        return find(planId).orElseThrow(() -> WispCrmException.notFound("Plan", planId));
    }

    private static @Nullable Mbps speed(Violations violations, String field, @Nullable BigDecimal value) {
        if (value == null) {
            violations.require(false, field, null, "must be given");
            return null;
        }
        return violations.capture(field, () -> new Mbps(value));
    }
}
