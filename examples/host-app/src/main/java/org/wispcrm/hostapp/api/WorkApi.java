package org.wispcrm.hostapp.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.order.ServiceOrderKind;
import org.wispcrm.core.order.ServiceOrderStatus;
import org.wispcrm.core.ticket.OpenTicket;
import org.wispcrm.core.ticket.TicketPriority;
import org.wispcrm.core.ticket.TicketStatus;
import org.wispcrm.hostapp.security.Role.Can;

/** Service orders and support tickets. */
@RestController
@RequestMapping("/api")
public class WorkApi {
    private final WispCrm crm;
    private final BillingPolicy policy;

    /** Over the library. */
    public WorkApi(WispCrm crm, BillingPolicy policy) {
        this.crm = crm;
        this.policy = policy;
    }

    /** A new service order. */
    public record NewOrder(
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String kind,
            @Nullable String description,
            @Nullable BigDecimal fee) {}

    /** A step in an order's workflow: the field each step needs. */
    public record OrderStep(
            @Nullable String when,
            @Nullable String technician,
            @Nullable String report,
            @Nullable String reason) {}

    /** A new ticket. */
    public record NewTicket(
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String subject,
            @Nullable String description,
            @Nullable String priority) {}

    /** A change to a ticket: one of the fields. */
    public record TicketChange(
            @Nullable String assignee,
            @Nullable String status,
            @Nullable String priority,
            @Nullable String text,
            @Nullable Boolean internal) {}

    // ---- service orders ------------------------------------------------------------------------------------

    /** Orders by customer and status, oldest first. */
    @GetMapping("/service-orders")
    @PreAuthorize(Can.READ)
    public Json.PageJson<Json.ServiceOrderJson> orders(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        CustomerId customer = Params.optionalId(v, "customerId", customerId, CustomerId::new);
        ServiceOrderStatus st = Params.optionalEnum(v, "status", status, ServiceOrderStatus.class);
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        return Json.page(crm.serviceOrders().list(customer, st, pageRequest), Json::serviceOrder);
    }

    /** One order. */
    @GetMapping("/service-orders/{id}")
    @PreAuthorize(Can.READ)
    public Json.ServiceOrderJson order(@PathVariable String id) {
        return Json.serviceOrder(crm.serviceOrders().get(orderId(id)));
    }

    /** Opens an order. */
    @PostMapping("/service-orders")
    @PreAuthorize(Can.SUPPORT)
    public ResponseEntity<Json.ServiceOrderJson> open(@RequestBody NewOrder body) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "customerId", body.customerId(), CustomerId::new);
        SubscriptionId subscription =
                Params.optionalId(v, "subscriptionId", body.subscriptionId(), SubscriptionId::new);
        ServiceOrderKind kind = Params.requiredEnum(v, "kind", body.kind(), ServiceOrderKind.class);
        v.requireText("description", body.description());
        var fee = body.fee() == null || body.fee().signum() == 0
                ? null
                : Params.positiveAmount(v, "fee", body.fee(), policy.currency().getCurrencyCode());
        v.throwIfAny();
        var order =
                crm.serviceOrders().open(new OpenServiceOrder(customer, subscription, kind, body.description(), fee));
        var json = Json.serviceOrder(order);
        return ResponseEntity.created(URI.create("/api/service-orders/" + json.id()))
                .body(json);
    }

    /** Moves an order: schedule (when), assign (technician), start, complete (report) or cancel (reason). */
    @PostMapping("/service-orders/{id}/{step}")
    @PreAuthorize(Can.FIELD_WORK)
    public Json.ServiceOrderJson step(
            @PathVariable String id,
            @PathVariable String step,
            @RequestBody(required = false) @Nullable OrderStep body) {
        ServiceOrderId order = orderId(id);
        OrderStep b = body == null ? new OrderStep(null, null, null, null) : body;
        var orders = crm.serviceOrders();
        var v = new Violations();
        var result = switch (step) {
            case "schedule" -> {
                LocalDateTime when = null;
                try {
                    when = b.when() == null
                            ? null
                            : LocalDateTime.parse(b.when().strip());
                } catch (DateTimeParseException e) {
                    // reported below
                }
                v.require(when != null, "when", b.when(), "must be a date and time like 2026-11-30T09:00");
                v.throwIfAny();
                yield orders.schedule(order, when);
            }
            case "assign" -> {
                v.requireText("technician", b.technician());
                v.throwIfAny();
                yield orders.assignTechnician(order, b.technician());
            }
            case "start" -> orders.start(order);
            case "complete" -> {
                v.requireText("report", b.report());
                v.throwIfAny();
                yield orders.complete(order, b.report());
            }
            case "cancel" -> {
                v.requireText("reason", b.reason());
                v.throwIfAny();
                yield orders.cancel(order, b.reason());
            }
            default ->
                throw org.wispcrm.core.common.WispCrmException.invalid(
                        "step", step, "must be schedule, assign, start, complete or cancel");
        };
        return Json.serviceOrder(result);
    }

    // ---- tickets -------------------------------------------------------------------------------------------

    /** Tickets by customer and status. */
    @GetMapping("/tickets")
    @PreAuthorize(Can.READ)
    public Json.PageJson<Json.TicketJson> tickets(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        CustomerId customer = Params.optionalId(v, "customerId", customerId, CustomerId::new);
        TicketStatus st = Params.optionalEnum(v, "status", status, TicketStatus.class);
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        return Json.page(crm.tickets().list(customer, st, pageRequest), Json::ticket);
    }

    /** One ticket. */
    @GetMapping("/tickets/{id}")
    @PreAuthorize(Can.READ)
    public Json.TicketJson ticket(@PathVariable String id) {
        return Json.ticket(crm.tickets().get(ticketId(id)));
    }

    /** Opens a ticket. */
    @PostMapping("/tickets")
    @PreAuthorize(Can.SUPPORT)
    public ResponseEntity<Json.TicketJson> openTicket(@RequestBody NewTicket body) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "customerId", body.customerId(), CustomerId::new);
        SubscriptionId subscription =
                Params.optionalId(v, "subscriptionId", body.subscriptionId(), SubscriptionId::new);
        TicketPriority priority = Params.optionalEnum(v, "priority", body.priority(), TicketPriority.class);
        v.requireText("subject", body.subject());
        v.requireText("description", body.description());
        v.throwIfAny();
        var ticket = crm.tickets()
                .open(new OpenTicket(customer, subscription, body.subject(), body.description(), priority));
        var json = Json.ticket(ticket);
        return ResponseEntity.created(URI.create("/api/tickets/" + json.id())).body(json);
    }

    /** Adds a comment as the signed-in user. */
    @PostMapping("/tickets/{id}/comments")
    @PreAuthorize(Can.FIELD_WORK)
    public Json.TicketJson comment(@PathVariable String id, @RequestBody TicketChange body, Authentication who) {
        TicketId ticket = ticketId(id);
        var v = new Violations();
        v.requireText("text", body.text());
        v.throwIfAny();
        return Json.ticket(
                crm.tickets().comment(ticket, who.getName(), body.text(), Boolean.TRUE.equals(body.internal())));
    }

    /** Assigns, moves or reprioritises a ticket. */
    @PostMapping("/tickets/{id}/{change}")
    @PreAuthorize(Can.SUPPORT)
    public Json.TicketJson change(
            @PathVariable String id, @PathVariable String change, @RequestBody TicketChange body) {
        TicketId ticket = ticketId(id);
        var v = new Violations();
        var tickets = crm.tickets();
        var result = switch (change) {
            case "assign" -> {
                v.requireText("assignee", body.assignee());
                v.throwIfAny();
                yield tickets.assign(ticket, body.assignee());
            }
            case "status" -> {
                TicketStatus st = Params.requiredEnum(v, "status", body.status(), TicketStatus.class);
                v.throwIfAny();
                yield tickets.changeStatus(ticket, st);
            }
            case "priority" -> {
                TicketPriority p = Params.requiredEnum(v, "priority", body.priority(), TicketPriority.class);
                v.throwIfAny();
                yield tickets.reprioritise(ticket, p);
            }
            default ->
                throw org.wispcrm.core.common.WispCrmException.invalid(
                        "change", change, "must be assign, status or priority");
        };
        return Json.ticket(result);
    }

    private static ServiceOrderId orderId(String id) {
        var v = new Violations();
        ServiceOrderId order = Params.id(v, "id", id, ServiceOrderId::new);
        v.throwIfAny();
        return order;
    }

    private static TicketId ticketId(String id) {
        var v = new Violations();
        TicketId ticket = Params.id(v, "id", id, TicketId::new);
        v.throwIfAny();
        return ticket;
    }
}
