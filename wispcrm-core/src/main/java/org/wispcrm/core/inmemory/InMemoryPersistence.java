package org.wispcrm.core.inmemory;

import org.wispcrm.core.Persistence;
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
 * Every persistence port over one in-memory store, for tests, demos and single-process hosts that keep nothing
 * across restarts. All adapters share one {@link InMemoryTransactionRunner}: changes made through several of them in
 * one unit of work commit together or, if the work throws, are all undone.
 *
 * <pre>{@code
 * var persistence = InMemoryPersistence.create();
 * persistence.transactions().inTransaction(() -> persistence.customers().save(customer));
 * }</pre>
 */
public final class InMemoryPersistence implements Persistence {
    private final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner();
    private final CustomerRepository customers = new InMemoryCustomerRepository(transactions);
    private final PlanRepository plans = new InMemoryPlanRepository(transactions);
    private final SubscriptionRepository subscriptions = new InMemorySubscriptionRepository(transactions);
    private final ServiceOrderRepository serviceOrders = new InMemoryServiceOrderRepository(transactions);
    private final TicketRepository tickets = new InMemoryTicketRepository(transactions);
    private final ChargeRepository charges = new InMemoryChargeRepository(transactions);
    private final InvoiceRepository invoices = new InMemoryInvoiceRepository(transactions);
    private final CreditNoteRepository creditNotes = new InMemoryCreditNoteRepository(transactions);
    private final PaymentRepository payments = new InMemoryPaymentRepository(transactions);
    private final CustomerCreditRepository customerCredits = new InMemoryCustomerCreditRepository(transactions);
    private final InvoiceNumberSequence invoiceNumbers = new InMemoryInvoiceNumberSequence(transactions);
    private final NotificationOutbox outbox = new InMemoryNotificationOutbox(transactions);

    private InMemoryPersistence() {}

    /** A new, empty store. */
    public static InMemoryPersistence create() {
        return new InMemoryPersistence();
    }

    /** The runner every adapter of this store takes part in; {@link #transactions()} with its concrete type. */
    public InMemoryTransactionRunner transactionRunner() {
        return transactions;
    }

    @Override
    public TransactionRunner transactions() {
        return transactions;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public PlanRepository plans() {
        return plans;
    }

    @Override
    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }

    @Override
    public ServiceOrderRepository serviceOrders() {
        return serviceOrders;
    }

    @Override
    public TicketRepository tickets() {
        return tickets;
    }

    @Override
    public ChargeRepository charges() {
        return charges;
    }

    @Override
    public InvoiceRepository invoices() {
        return invoices;
    }

    @Override
    public CreditNoteRepository creditNotes() {
        return creditNotes;
    }

    @Override
    public PaymentRepository payments() {
        return payments;
    }

    @Override
    public CustomerCreditRepository customerCredits() {
        return customerCredits;
    }

    @Override
    public InvoiceNumberSequence invoiceNumbers() {
        return invoiceNumbers;
    }

    @Override
    public NotificationOutbox outbox() {
        return outbox;
    }
}
