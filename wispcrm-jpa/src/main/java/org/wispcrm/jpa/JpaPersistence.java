package org.wispcrm.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.charge.ChargeRepository;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
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
 * Every persistence port on Hibernate, over H2, MariaDB/MySQL or PostgreSQL.
 *
 * <p>Built from a {@link DataSource} ({@link #create(DataSource)}: runs the Flyway migrations shipped in this jar
 * for the detected database, then builds its own {@link EntityManagerFactory}, which {@link #close()} closes), or
 * from a host's factory ({@link #of(EntityManagerFactory)}) configured with {@link #configuration(DataSource,
 * JpaConfig)} or at least with {@link #entityClasses()} and {@link #hibernateProperties(DataSource, JpaConfig)}.
 *
 * <p>All ports share one {@link TransactionRunner}: inside {@code transactions().inTransaction(...)} every call
 * uses the thread's entity manager and commits with the unit; outside one, each call runs in its own short
 * transaction. Failures reach callers as {@link WispCrmException} ({@code DUPLICATE},
 * {@code CONCURRENT_MODIFICATION}, {@code PERSISTENCE_FAILURE}), never as Hibernate exceptions.
 */
public final class JpaPersistence implements Persistence, AutoCloseable {
    /** The name of Flyway's history table for the WISP CRM schema, apart from any the host keeps. */
    public static final String SCHEMA_HISTORY_TABLE = "wispcrm_schema_history";

    private static final List<Class<?>> ENTITIES = List.of(
            CustomerEntity.class,
            PlanEntity.class,
            SubscriptionEntity.class,
            ServiceOrderEntity.class,
            TicketEntity.class,
            ChargeEntity.class,
            NotificationEntity.class,
            InvoiceEntity.class,
            CreditNoteEntity.class,
            PaymentEntity.class,
            CustomerCreditEntity.class,
            CreditMovementEntity.class);

    private final EntityManagerFactory factory;
    private final boolean ownsFactory;
    private final JpaTransactionRunner transactions;
    private final CustomerRepository customers;
    private final PlanRepository plans;
    private final SubscriptionRepository subscriptions;
    private final ServiceOrderRepository serviceOrders;
    private final TicketRepository tickets;
    private final ChargeRepository charges;
    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;
    private final PaymentRepository payments;
    private final CustomerCreditRepository customerCredits;
    private final InvoiceNumberSequence invoiceNumbers;
    private final NotificationOutbox outbox;

    private JpaPersistence(EntityManagerFactory factory, Database database, boolean ownsFactory) {
        this.factory = factory;
        this.ownsFactory = ownsFactory;
        this.transactions = new JpaTransactionRunner(factory, database);
        this.customers = new JpaCustomerRepository(transactions);
        this.plans = new JpaPlanRepository(transactions);
        this.subscriptions = new JpaSubscriptionRepository(transactions);
        this.serviceOrders = new JpaServiceOrderRepository(transactions);
        this.tickets = new JpaTicketRepository(transactions);
        this.charges = new JpaChargeRepository(transactions);
        this.invoices = new JpaInvoiceRepository(transactions, database);
        this.creditNotes = new JpaCreditNoteRepository(transactions);
        this.payments = new JpaPaymentRepository(transactions);
        this.customerCredits = new JpaCustomerCreditRepository(transactions);
        this.invoiceNumbers = new JpaInvoiceNumberSequence(transactions, database);
        this.outbox = new JpaNotificationOutbox(transactions, database);
    }

    /** Migrates the schema of the data source's database and builds the adapter with default settings. */
    public static JpaPersistence create(DataSource dataSource) {
        return create(dataSource, JpaConfig.DEFAULTS);
    }

    /**
     * Migrates the schema (unless {@link JpaConfig#migrate()} is false) and builds the adapter with its own
     * entity manager factory over the data source.
     *
     * @throws WispCrmException {@code CONFIGURATION} for a bad setting or unsupported database,
     *     {@code PERSISTENCE_FAILURE} if the database cannot be reached or migrated
     */
    public static JpaPersistence create(DataSource dataSource, JpaConfig config) {
        Objects.requireNonNull(dataSource, "dataSource");
        config.validate();
        Database database = Database.of(dataSource);
        if (config.migrate()) {
            migrate(dataSource, database);
        }
        EntityManagerFactory factory;
        try {
            factory = configuration(dataSource, database, config).createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw WispCrmException.adapterFailure(
                    ErrorCode.PERSISTENCE_FAILURE, "Cannot build the Hibernate entity manager factory", e);
        }
        return new JpaPersistence(factory, database, true);
    }

    /**
     * Builds the adapter over a host's entity manager factory, which must manage {@link #entityClasses()} with
     * {@link #hibernateProperties(DataSource, JpaConfig)} (resource-local transactions). The host keeps ownership:
     * {@link #close()} leaves the factory open. The schema must already be migrated ({@link #migrate(DataSource)}).
     *
     * @throws WispCrmException {@code CONFIGURATION} if the factory lacks the entities or the id binding
     */
    public static JpaPersistence of(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        Database database;
        try {
            var dialect = factory.unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices()
                    .getDialect();
            database = Database.of(dialect);
            for (Class<?> entity : ENTITIES) {
                factory.getMetamodel().entity(entity);
            }
        } catch (IllegalArgumentException e) {
            throw WispCrmException.configuration(
                    "The entity manager factory does not manage the WISP CRM entities; add JpaPersistence.entityClasses()");
        }
        Object uuidType = factory.getProperties().get(AvailableSettings.PREFERRED_UUID_JDBC_TYPE);
        if (database.uuidJdbcType().equals("BINARY")
                && (uuidType == null
                        || !uuidType.toString()
                                .toUpperCase(java.util.Locale.ROOT)
                                .contains("BINARY"))) {
            throw WispCrmException.configuration("On " + database + " the factory needs "
                    + AvailableSettings.PREFERRED_UUID_JDBC_TYPE + "=BINARY (ids are BINARY(16));"
                    + " use JpaPersistence.hibernateProperties(...)");
        }
        return new JpaPersistence(factory, database, false);
    }

    /**
     * Runs the Flyway migrations shipped in this jar for the data source's database ({@code db/migration/h2},
     * {@code db/migration/mariadb} or {@code db/migration/postgresql}), recording them in
     * {@value #SCHEMA_HISTORY_TABLE}. Safe to run on every start: an up-to-date schema is left alone.
     */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, Database.of(dataSource));
    }

    private static void migrate(DataSource dataSource, Database database) {
        try {
            Flyway.configure(JpaPersistence.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(database.migrations())
                    .table(SCHEMA_HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw WispCrmException.adapterFailure(
                    ErrorCode.PERSISTENCE_FAILURE, "Migrating the WISP CRM schema on " + database + " failed", e);
        }
    }

    /** The adapter's entity classes, for a host that builds its own entity manager factory. */
    public static List<Class<?>> entityClasses() {
        return ENTITIES;
    }

    /**
     * The Hibernate settings the adapter needs for the data source's database: JDBC batching with ordered inserts
     * and updates, UTC timestamps, the id binding (BINARY(16) on H2 and MariaDB/MySQL, uuid on PostgreSQL), no
     * schema generation (Flyway owns the schema) and batch fetching of collections.
     */
    public static Map<String, Object> hibernateProperties(DataSource dataSource, JpaConfig config) {
        return hibernateProperties(Database.of(dataSource), config);
    }

    private static Map<String, Object> hibernateProperties(Database database, JpaConfig config) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put(AvailableSettings.STATEMENT_BATCH_SIZE, config.batchSize());
        properties.put(AvailableSettings.ORDER_INSERTS, true);
        properties.put(AvailableSettings.ORDER_UPDATES, true);
        properties.put(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 100);
        properties.put(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, database.uuidJdbcType());
        properties.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
        properties.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        return properties;
    }

    /**
     * A Hibernate configuration with the adapter's entities and settings over the data source, to which a host
     * may add its own entities and settings before {@code createEntityManagerFactory()}; pass the factory to
     * {@link #of(EntityManagerFactory)}.
     */
    public static HibernatePersistenceConfiguration configuration(DataSource dataSource, JpaConfig config) {
        config.validate();
        return configuration(dataSource, Database.of(dataSource), config);
    }

    private static HibernatePersistenceConfiguration configuration(
            DataSource dataSource, Database database, JpaConfig config) {
        return new HibernatePersistenceConfiguration("wispcrm")
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .managedClasses(ENTITIES)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .properties(hibernateProperties(database, config));
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

    /** Closes the entity manager factory if this adapter built it; a host's factory stays open. */
    @Override
    public void close() {
        if (ownsFactory && factory.isOpen()) {
            factory.close();
        }
    }
}
