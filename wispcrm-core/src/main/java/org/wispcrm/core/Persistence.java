package org.wispcrm.core;

import org.wispcrm.core.charge.ChargeRepository;
import org.wispcrm.core.customer.CustomerRepository;
import org.wispcrm.core.invoice.CreditNoteRepository;
import org.wispcrm.core.invoice.InvoiceNumberSequence;
import org.wispcrm.core.invoice.InvoiceRepository;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.order.ServiceOrderRepository;
import org.wispcrm.core.payment.CustomerCreditRepository;
import org.wispcrm.core.payment.PaymentRepository;
import org.wispcrm.core.plan.PlanRepository;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.ticket.TicketRepository;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Every persistence port, as one persistence adapter provides them: all share one store and one
 * {@link TransactionRunner}, so changes made through several of them in one unit of work commit together.
 */
public interface Persistence {

    /** Units of work spanning every port below. */
    TransactionRunner transactions();

    /** Customers. */
    CustomerRepository customers();

    /** Service plans. */
    PlanRepository plans();

    /** Subscriptions. */
    SubscriptionRepository subscriptions();

    /** Service orders. */
    ServiceOrderRepository serviceOrders();

    /** Support tickets. */
    TicketRepository tickets();

    /** One-time charges. */
    ChargeRepository charges();

    /** Invoices. */
    InvoiceRepository invoices();

    /** Credit notes. */
    CreditNoteRepository creditNotes();

    /** Payments. */
    PaymentRepository payments();

    /** Customers' credit balances and their ledger. */
    CustomerCreditRepository customerCredits();

    /** Gap-free invoice (and credit-note) numbers. */
    InvoiceNumberSequence invoiceNumbers();

    /** The notification outbox. */
    NotificationOutbox outbox();
}
