package org.wispcrm.jpa;

import org.junit.jupiter.api.Nested;
import org.wispcrm.core.Persistence;
import org.wispcrm.testkit.ChargeRepositoryKit;
import org.wispcrm.testkit.CreditNoteRepositoryKit;
import org.wispcrm.testkit.CustomerCreditRepositoryKit;
import org.wispcrm.testkit.CustomerRepositoryKit;
import org.wispcrm.testkit.InvoiceNumberSequenceKit;
import org.wispcrm.testkit.InvoiceRepositoryKit;
import org.wispcrm.testkit.NotificationOutboxKit;
import org.wispcrm.testkit.PaymentRepositoryKit;
import org.wispcrm.testkit.PlanRepositoryKit;
import org.wispcrm.testkit.ServiceOrderRepositoryKit;
import org.wispcrm.testkit.SubscriptionRepositoryKit;
import org.wispcrm.testkit.TicketRepositoryKit;
import org.wispcrm.testkit.TransactionRunnerKit;

/** Every persistence compatibility kit on PostgreSQL (see {@link TestDatabase} for how it is configured). */
class PostgresKitsTest {
    @Nested
    class Customers extends CustomerRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Plans extends PlanRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Subscriptions extends SubscriptionRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class ServiceOrders extends ServiceOrderRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Tickets extends TicketRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Charges extends ChargeRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class InvoiceNumberSequence extends InvoiceNumberSequenceKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class NotificationOutbox extends NotificationOutboxKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class TransactionRunner extends TransactionRunnerKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Invoices extends InvoiceRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class CreditNotes extends CreditNoteRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class Payments extends PaymentRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }

    @Nested
    class CustomerCredits extends CustomerCreditRepositoryKit {
        @Override
        protected Persistence newPersistence() {
            return TestDatabase.POSTGRESQL.emptyStore();
        }
    }
}
