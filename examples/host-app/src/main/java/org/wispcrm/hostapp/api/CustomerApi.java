package org.wispcrm.hostapp.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.customer.CustomerSearch;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.subscription.SubscriptionQuery;
import org.wispcrm.core.subscription.SubscriptionStatus;
import org.wispcrm.hostapp.security.Role.Can;

/** Customers and their subscriptions. */
@RestController
@RequestMapping("/api")
public class CustomerApi {
    private final WispCrm crm;

    /** Over the library. */
    public CustomerApi(WispCrm crm) {
        this.crm = crm;
    }

    /** A new customer, optionally with a first subscription. */
    public record NewCustomer(
            @Nullable String code,
            @Nullable String fullName,
            @Nullable String nationalId,
            @Nullable String email,
            @Nullable String phone,
            Json.@Nullable AddressJson address,
            @Nullable String locale,
            @Nullable String planId,
            @Nullable Integer billingDay,
            @Nullable Boolean taxExempt,
            @Nullable Boolean dataProcessingConsent) {}

    /** A new subscription for an existing customer. */
    public record NewSubscriptionJson(
            @Nullable String planId,
            Json.@Nullable AddressJson serviceAddress,
            @Nullable Integer billingDay) {}

    /** A plan change. */
    public record PlanChange(
            @Nullable String planId, @Nullable String effectiveFrom) {}

    /** Customers by name, national id, phone or status, a page at a time. */
    @GetMapping("/customers")
    @PreAuthorize(Can.READ)
    public Json.PageJson<Json.CustomerJson> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String nationalId,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        CustomerStatus st = Params.optionalEnum(v, "status", status, CustomerStatus.class);
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        var criteria = new CustomerSearch(blankToNull(q), blankToNull(nationalId), blankToNull(phone), st);
        return Json.page(crm.customers().search(criteria, pageRequest), Json::customer);
    }

    /** One customer. */
    @GetMapping("/customers/{id}")
    @PreAuthorize(Can.READ)
    public Json.CustomerJson get(@PathVariable String id) {
        return Json.customer(crm.customers().get(customerId(id)));
    }

    /** Registers a customer (201 with its location). */
    @PostMapping("/customers")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public ResponseEntity<Json.CustomerJson> register(@RequestBody NewCustomer body) {
        var v = new Violations();
        PlanId plan = Params.optionalId(v, "planId", body.planId(), PlanId::new);
        Address address = body.address() == null ? null : v.capture("address", () -> address(body.address()));
        Locale locale = body.locale() == null || body.locale().isBlank() ? null : Locale.forLanguageTag(body.locale());
        v.throwIfAny();
        NewSubscription first = null;
        if (plan != null) {
            first = NewSubscription.onPlan(plan);
            if (body.billingDay() != null) {
                first = first.withBillingDay(body.billingDay());
            }
        }
        var registered = crm.customers()
                .register(RegisterCustomer.builder()
                        .code(body.code())
                        .fullName(body.fullName())
                        .nationalId(body.nationalId())
                        .email(body.email())
                        .phone(body.phone())
                        .address(address)
                        .locale(locale)
                        .taxExempt(Boolean.TRUE.equals(body.taxExempt()))
                        .dataProcessingConsent(Boolean.TRUE.equals(body.dataProcessingConsent()))
                        .firstSubscription(first)
                        .build());
        var json = Json.customer(registered.customer());
        return ResponseEntity.created(URI.create("/api/customers/" + json.id())).body(json);
    }

    /** Suspends every active subscription of the customer. */
    @PostMapping("/customers/{id}/suspend")
    @PreAuthorize(Can.BILL)
    public Json.CustomerJson suspend(@PathVariable String id) {
        return Json.customer(crm.customers().suspend(customerId(id)));
    }

    /** Restores a suspended customer. */
    @PostMapping("/customers/{id}/reactivate")
    @PreAuthorize(Can.BILL)
    public Json.CustomerJson reactivate(@PathVariable String id) {
        return Json.customer(crm.customers().reactivate(customerId(id)));
    }

    /** The customer's subscriptions. */
    @GetMapping("/customers/{id}/subscriptions")
    @PreAuthorize(Can.READ)
    public List<Json.SubscriptionJson> subscriptionsOf(@PathVariable String id) {
        return crm.customers().subscriptionsOf(customerId(id)).stream()
                .map(Json::subscription)
                .toList();
    }

    /** Sells another subscription to the customer (pending installation). */
    @PostMapping("/customers/{id}/subscriptions")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public ResponseEntity<Json.SubscriptionJson> addSubscription(
            @PathVariable String id, @RequestBody NewSubscriptionJson body) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "customerId", id, CustomerId::new);
        PlanId plan = Params.id(v, "planId", body.planId(), PlanId::new);
        Address address = body.serviceAddress() == null
                ? null
                : v.capture("serviceAddress", () -> address(body.serviceAddress()));
        v.throwIfAny();
        var sale = new NewSubscription(plan, address, body.billingDay(), null, null);
        var json = Json.subscription(crm.customers().addSubscription(customer, sale));
        return ResponseEntity.created(URI.create("/api/subscriptions/" + json.id()))
                .body(json);
    }

    /** Subscriptions by customer, plan and status. */
    @GetMapping("/subscriptions")
    @PreAuthorize(Can.READ)
    public Json.PageJson<Json.SubscriptionJson> subscriptions(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String planId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        var query = new SubscriptionQuery(
                Params.optionalId(v, "customerId", customerId, CustomerId::new),
                Params.optionalId(v, "planId", planId, PlanId::new),
                Params.optionalEnum(v, "status", status, SubscriptionStatus.class));
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        return Json.page(crm.persistence().subscriptions().search(query, pageRequest), Json::subscription);
    }

    /** One subscription. */
    @GetMapping("/subscriptions/{id}")
    @PreAuthorize(Can.READ)
    public Json.SubscriptionJson subscription(@PathVariable String id) {
        var v = new Violations();
        SubscriptionId sid = Params.id(v, "id", id, SubscriptionId::new);
        v.throwIfAny();
        return Json.subscription(crm.customers().getSubscription(sid));
    }

    /** Moves a subscription to another plan, prorated from {@code effectiveFrom} (default today). */
    @PostMapping("/subscriptions/{id}/plan")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public Json.SubscriptionJson changePlan(@PathVariable String id, @RequestBody PlanChange body) {
        var v = new Violations();
        SubscriptionId sid = Params.id(v, "id", id, SubscriptionId::new);
        PlanId plan = Params.id(v, "planId", body.planId(), PlanId::new);
        var from = Params.optionalDate(v, "effectiveFrom", body.effectiveFrom());
        v.throwIfAny();
        return Json.subscription(crm.customers().changePlan(sid, plan, from));
    }

    static CustomerId customerId(String id) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "id", id, CustomerId::new);
        v.throwIfAny();
        return customer;
    }

    static Address address(Json.AddressJson a) {
        return new Address(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.countryCode());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
