package org.wispcrm.core.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.charge.ChargeRepository;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.CustomerRepository;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.subscription.SubscriptionStatus;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Service order use cases: open, schedule, assign, start, complete, cancel. Completing an installation activates
 * its subscription; completing an order with a fee leaves a one-time charge for the next invoice; scheduling and
 * completing enqueue a notification to the customer. Each call is one unit of work. Obtain it from
 * {@code WispCrm.serviceOrders()}.
 */
public final class ServiceOrderService {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceOrderService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TransactionRunner transactions;
    private final CustomerRepository customers;
    private final SubscriptionRepository subscriptions;
    private final ServiceOrderRepository serviceOrders;
    private final ChargeRepository charges;
    private final NotificationOutbox outbox;
    private final Clock clock;

    /**
     * Creates the service; {@code WispCrm} does this for hosts.
     *
     * @param transactions units of work; every use case runs in one
     * @param customers customers
     * @param subscriptions subscriptions
     * @param serviceOrders service orders
     * @param charges one-time charges
     * @param outbox the notification outbox
     * @param clock the time source for every date and instant recorded
     */
    public ServiceOrderService(
            TransactionRunner transactions,
            CustomerRepository customers,
            SubscriptionRepository subscriptions,
            ServiceOrderRepository serviceOrders,
            ChargeRepository charges,
            NotificationOutbox outbox,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.serviceOrders = Objects.requireNonNull(serviceOrders, "serviceOrders");
        this.charges = Objects.requireNonNull(charges, "charges");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens an order.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer or subscription; {@code INVALID_INPUT}
     *     for a blank description, a negative fee or another customer's subscription; {@code ILLEGAL_TRANSITION}
     *     for an installation of a subscription that is not waiting for one
     */
    public ServiceOrder open(OpenServiceOrder command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            if (customers.findById(command.customerId()).isEmpty()) {
                throw WispCrmException.notFound("Customer", command.customerId());
            }
            if (command.subscriptionId() != null) {
                Subscription subscription = subscriptions
                        .findById(command.subscriptionId())
                        .orElseThrow(() -> WispCrmException.notFound("Subscription", command.subscriptionId()));
                if (!subscription.customerId().equals(command.customerId())) {
                    throw WispCrmException.invalid(
                            "subscriptionId", command.subscriptionId(), "belongs to another customer");
                }
                if (command.kind() == ServiceOrderKind.INSTALLATION
                        && subscription.status() != SubscriptionStatus.PENDING_INSTALL) {
                    throw WispCrmException.illegalTransition(
                            "Subscription", subscription.id(), subscription.status(), "order the installation of");
                }
            }
            ServiceOrder order = ServiceOrder.open(
                    ServiceOrderId.newId(),
                    command.customerId(),
                    command.subscriptionId(),
                    command.kind(),
                    command.description() == null ? null : command.description().strip(),
                    command.fee(),
                    Instant.now(clock));
            ServiceOrder saved = serviceOrders.save(order);
            LOG.info("Opened {} order {} for customer {}", saved.kind(), saved.id(), saved.customerId());
            return saved;
        });
    }

    /**
     * Sets or moves the visit and tells the customer. Scheduling the same order for the same time again changes
     * nothing and sends nothing more.
     *
     * @param when the visit, in the ISP's local time; not in the past
     * @throws WispCrmException {@code INVALID_INPUT} for a time in the past; {@code ILLEGAL_TRANSITION} once the
     *     order has started or ended
     */
    public ServiceOrder schedule(ServiceOrderId orderId, LocalDateTime when) {
        Objects.requireNonNull(when, "when");
        LocalDateTime now = LocalDateTime.now(clock);
        if (when.isBefore(now)) {
            throw WispCrmException.invalid("scheduledFor", when, "must not be in the past");
        }
        return transactions.inTransaction(() -> {
            ServiceOrder order = get(orderId);
            if (order.status() == ServiceOrderStatus.SCHEDULED && when.equals(order.scheduledFor())) {
                enqueueScheduled(order);
                return order;
            }
            ServiceOrder saved = serviceOrders.save(order.schedule(when, Instant.now(clock)));
            enqueueScheduled(saved);
            return saved;
        });
    }

    /**
     * Gives the order to a technician.
     *
     * @throws WispCrmException {@code INVALID_INPUT} for a blank name; {@code ILLEGAL_TRANSITION} once ended
     */
    public ServiceOrder assignTechnician(ServiceOrderId orderId, String technician) {
        return transactions.inTransaction(
                () -> serviceOrders.save(get(orderId).assignTo(technician, Instant.now(clock))));
    }

    /**
     * The technician starts work.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if no technician is assigned; {@code ILLEGAL_TRANSITION} if
     *     already started or ended
     */
    public ServiceOrder start(ServiceOrderId orderId) {
        return transactions.inTransaction(() -> serviceOrders.save(get(orderId).start(Instant.now(clock))));
    }

    /**
     * Completes the order today. See {@link #complete(ServiceOrderId, String, Address)}.
     *
     * @param report what the technician did
     */
    public ServiceOrder complete(ServiceOrderId orderId, String report) {
        return complete(orderId, report, null);
    }

    /**
     * Completes the order today, in one unit of work: an installation activates its subscription from today (its
     * billing day is today's day of month, 29 to 31 becoming 28, unless one was agreed at sale); a relocation given
     * {@code newAddress} moves its subscription there; a fee becomes a pending one-time charge, made once per
     * order; the customer is notified.
     *
     * @param report what the technician did
     * @param newAddress for a relocation, the address the service moved to; null otherwise
     * @throws WispCrmException {@code ILLEGAL_TRANSITION} unless the order is in progress (or its subscription
     *     cannot be activated); {@code INVALID_INPUT} for a blank report or a new address on an order that is not
     *     a relocation of a subscription
     */
    public ServiceOrder complete(ServiceOrderId orderId, String report, @Nullable Address newAddress) {
        var violations = new Violations();
        violations.requireText("report", report);
        violations.throwIfAny();
        return transactions.inTransaction(() -> {
            ServiceOrder order = get(orderId);
            if (newAddress != null && (order.kind() != ServiceOrderKind.RELOCATION || order.subscriptionId() == null)) {
                throw WispCrmException.invalid(
                        "newAddress",
                        newAddress.singleLine(),
                        "only a relocation of a subscription takes a new address");
            }
            LocalDate today = LocalDate.now(clock);
            ServiceOrder completed = serviceOrders.save(order.complete(today, report.strip(), Instant.now(clock)));
            if (order.subscriptionId() != null) {
                Subscription subscription = subscriptions
                        .findById(order.subscriptionId())
                        .orElseThrow(() -> WispCrmException.notFound("Subscription", order.subscriptionId()));
                if (order.kind() == ServiceOrderKind.INSTALLATION) {
                    Subscription active = subscriptions.save(subscription.activate(today));
                    LOG.info("Subscription {} active from {}, billing day {}", active.id(), today, active.billingDay());
                } else if (newAddress != null) {
                    subscriptions.save(subscription.relocate(newAddress));
                }
            }
            chargeFee(completed);
            enqueue(
                    "order-completed:" + completed.id(),
                    NotificationKind.ORDER_COMPLETED,
                    completed,
                    Map.of("completedOn", today.toString(), "resolution", completed.resolution()));
            return completed;
        });
    }

    /**
     * Calls the order off.
     *
     * @throws WispCrmException {@code INVALID_INPUT} for a blank reason; {@code ILLEGAL_TRANSITION} once ended
     */
    public ServiceOrder cancel(ServiceOrderId orderId, String reason) {
        return transactions.inTransaction(() -> serviceOrders.save(get(orderId).cancel(reason, Instant.now(clock))));
    }

    /** The order with this id. */
    public Optional<ServiceOrder> find(ServiceOrderId orderId) {
        return transactions.inTransaction(() -> serviceOrders.findById(orderId));
    }

    /**
     * The order with this id.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is none
     */
    public ServiceOrder get(ServiceOrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return find(orderId).orElseThrow(() -> WispCrmException.notFound("ServiceOrder", orderId));
    }

    /**
     * One page of orders, oldest first.
     *
     * @param customerId only this customer's orders, or all when null
     * @param status only orders in this status, or all when null
     */
    public Page<ServiceOrder> list(
            @Nullable CustomerId customerId, @Nullable ServiceOrderStatus status, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return transactions.inTransaction(() -> serviceOrders.find(customerId, status, page));
    }

    private void chargeFee(ServiceOrder order) {
        MonetaryAmount fee = order.fee();
        if (fee == null || !fee.isPositive()) {
            return;
        }
        String source = "service-order:" + order.id();
        if (charges.findBySourceReference(source).isPresent()) {
            return;
        }
        ChargeKind kind = switch (order.kind()) {
            case INSTALLATION -> ChargeKind.INSTALLATION;
            case EQUIPMENT_PICKUP -> ChargeKind.EQUIPMENT;
            default -> ChargeKind.OTHER;
        };
        charges.save(Charge.pending(
                order.customerId(),
                order.subscriptionId(),
                kind,
                // The clerk's own words, in the ISP's language, are what the customer reads on the invoice line.
                order.description(),
                fee,
                TaxCategory.STANDARD,
                order.completedOn(),
                source));
    }

    private void enqueueScheduled(ServiceOrder order) {
        LocalDateTime when = Objects.requireNonNull(order.scheduledFor());
        enqueue(
                "order-scheduled:" + order.id() + ":" + when,
                NotificationKind.ORDER_SCHEDULED,
                order,
                Map.of(
                        "scheduledFor", when.toString(),
                        "date", when.toLocalDate().toString(),
                        "time", when.toLocalTime().format(TIME)));
    }

    private void enqueue(String key, NotificationKind kind, ServiceOrder order, Map<String, String> details) {
        var model = new LinkedHashMap<String, String>();
        model.put("orderId", order.id().toString());
        model.put("orderKind", order.kind().name());
        model.put("description", order.description());
        if (order.technician() != null) {
            model.put("technician", order.technician());
        }
        model.putAll(details);
        boolean added = outbox.enqueue(
                Notification.pending(key, kind, order.customerId(), model, List.of(), Instant.now(clock)));
        LOG.debug("Notification {} {}", key, added ? "enqueued" : "already enqueued");
    }
}
