package org.wispcrm.hostapp.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.hostapp.security.Role.Can;

/** Service plans. */
@RestController
@RequestMapping("/api/plans")
public class PlanApi {
    private final WispCrm crm;
    private final Operations ops;
    private final BillingPolicy policy;

    /** Over the library. */
    public PlanApi(WispCrm crm, Operations ops, BillingPolicy policy) {
        this.crm = crm;
        this.ops = ops;
        this.policy = policy;
    }

    /** A new plan; the price is in the billing currency. */
    public record NewPlanJson(
            @Nullable String name,
            @Nullable BigDecimal downloadMbps,
            @Nullable BigDecimal uploadMbps,
            @Nullable BigDecimal monthlyPrice,
            @Nullable String taxCategory) {}

    /** A price change. */
    public record PriceChange(
            @Nullable BigDecimal monthlyPrice, @Nullable String effectiveFrom) {}

    /** Every plan, or only the active ones. */
    @GetMapping
    @PreAuthorize(Can.READ)
    public List<Json.PlanJson> list(@RequestParam(defaultValue = "false") boolean activeOnly) {
        var plans = activeOnly ? crm.plans().listActive() : crm.plans().list();
        return plans.stream().map(p -> Json.plan(p, ops.today())).toList();
    }

    /** One plan. */
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ)
    public Json.PlanJson get(@PathVariable String id) {
        return Json.plan(crm.plans().get(planId(id)), ops.today());
    }

    /** Creates a plan. */
    @PostMapping
    @PreAuthorize(Can.ADMINISTER)
    public ResponseEntity<Json.PlanJson> create(@RequestBody NewPlanJson body) {
        var v = new Violations();
        String currency = policy.currency().getCurrencyCode();
        var price = Params.positiveAmount(v, "monthlyPrice", body.monthlyPrice(), currency);
        TaxCategory tax = body.taxCategory() == null || body.taxCategory().isBlank()
                ? null
                : v.capture(
                        "taxCategory", () -> new TaxCategory(body.taxCategory().strip()));
        v.throwIfAny();
        var plan = crm.plans().create(new NewPlan(body.name(), body.downloadMbps(), body.uploadMbps(), price, tax));
        var json = Json.plan(plan, ops.today());
        return ResponseEntity.created(URI.create("/api/plans/" + json.id())).body(json);
    }

    /** Changes the price from a date on (default today); issued invoices keep theirs. */
    @PostMapping("/{id}/price")
    @PreAuthorize(Can.ADMINISTER)
    public Json.PlanJson changePrice(@PathVariable String id, @RequestBody PriceChange body) {
        var v = new Violations();
        PlanId plan = Params.id(v, "id", id, PlanId::new);
        var price = Params.positiveAmount(
                v, "monthlyPrice", body.monthlyPrice(), policy.currency().getCurrencyCode());
        var from = Params.optionalDate(v, "effectiveFrom", body.effectiveFrom());
        v.throwIfAny();
        return Json.plan(crm.plans().changePrice(plan, price, from), ops.today());
    }

    /** Stops selling a plan. */
    @PostMapping("/{id}/retire")
    @PreAuthorize(Can.ADMINISTER)
    public Json.PlanJson retire(@PathVariable String id) {
        return Json.plan(crm.plans().retire(planId(id)), ops.today());
    }

    private static PlanId planId(String id) {
        var v = new Violations();
        PlanId plan = Params.id(v, "id", id, PlanId::new);
        v.throwIfAny();
        return plan;
    }
}
