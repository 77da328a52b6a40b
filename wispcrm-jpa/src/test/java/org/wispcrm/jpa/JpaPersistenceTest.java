package org.wispcrm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.plan.PlanPrice;
import org.wispcrm.testkit.Fixtures;

/** The adapter's own behaviour on H2: building, migrating, failures at the port, and edge cases of the contract. */
class JpaPersistenceTest {
    private final List<AutoCloseable> resources = new java.util.ArrayList<>();

    private HikariDataSource freshH2() {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        var pool = new HikariDataSource(config);
        resources.add(pool);
        return pool;
    }

    private JpaPersistence store(HikariDataSource pool) {
        var store = JpaPersistence.create(pool);
        resources.add(0, store);
        return store;
    }

    @AfterEach
    void close() throws Exception {
        for (var resource : resources) {
            resource.close();
        }
    }

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndLeaveAMigratedOneAlone() throws SQLException {
        var pool = freshH2();

        JpaPersistence.migrate(pool);
        JpaPersistence.migrate(pool);
        var store = store(pool);

        try (var connection = pool.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*), min(\"success\") FROM \"" + JpaPersistence.SCHEMA_HISTORY_TABLE
                                + "\" WHERE \"version\" IS NOT NULL")) {
            rows.next();
            assertThat(rows.getInt(1)).as("V1 to V3, once each").isEqualTo(3);
            assertThat(rows.getBoolean(2)).isTrue();
        }
        try (var connection = pool.getConnection();
                var rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            var tables = new java.util.ArrayList<String>();
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(tables).contains(TestDatabase.TABLES);
        }
        assertThat(store.customers().save(Fixtures.customer()).version()).isEqualTo(1);
    }

    @Test
    void aLostConnectionIsAPersistenceFailureNotAHibernateException() {
        var pool = freshH2();
        var store = store(pool);
        var saved = store.customers().save(Fixtures.customer());

        pool.close();

        assertThatThrownBy(() -> store.customers().findById(saved.id()))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERSISTENCE_FAILURE));
        assertThatThrownBy(() -> store.transactions()
                        .inTransaction(() -> store.invoiceNumbers().next("FE")))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERSISTENCE_FAILURE));
    }

    @Test
    void aDuplicateCaughtInsideAUnitStillRollsTheUnitBack() {
        var store = store(freshH2());
        var customer = store.customers().save(Fixtures.customer());
        store.payments().save(payment(customer.id(), "BANCO-123"));
        var bystander = Fixtures.customer();
        var swallowed = new java.util.concurrent.atomic.AtomicReference<WispCrmException>();

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(bystander);
                    try {
                        store.payments().save(payment(customer.id(), "BANCO-123"));
                    } catch (WispCrmException e) {
                        swallowed.set(e); // a unit that swallows a failed write must not commit the rest
                    }
                    return null;
                }))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));

        assertThat(swallowed.get().code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(swallowed.get()).hasMessageContaining("Payment externalReference");
        assertThat(store.customers().findById(bystander.id())).isEmpty();
        assertThat(store.payments().findByExternalReference("BANCO-123")).isPresent();
    }

    private static org.wispcrm.core.payment.Payment payment(
            org.wispcrm.core.common.CustomerId customerId, String reference) {
        return org.wispcrm.core.payment.Payment.record(
                customerId,
                Fixtures.cop(77_350),
                org.wispcrm.core.payment.PaymentMethod.BANK_TRANSFER,
                reference,
                Fixtures.TODAY,
                List.of(),
                Fixtures.NOW);
    }

    @Test
    void aSaveWithoutChangesStillCountsAsAVersion() {
        var store = store(freshH2());
        var v1 = store.customers().save(Fixtures.customer());

        var v2 = store.customers().save(v1);
        var v3 = store.customers().save(v2.suspend(Fixtures.later(5)));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.customers().findById(v1.id())).contains(v3);
        assertThatThrownBy(() -> store.customers().save(v2))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
    }

    @Test
    void anIdempotencyKeyEnqueuedTwiceInOneUnitKeepsTheFirstMessage() {
        var store = store(freshH2());
        var customer = store.customers().save(Fixtures.customer());
        var first = Fixtures.notification(customer.id(), "invoice-issued:FE-000001");

        boolean second = store.transactions().inTransaction(() -> {
            assertThat(store.outbox().enqueue(first)).isTrue();
            return store.outbox().enqueue(Fixtures.notification(customer.id(), "invoice-issued:FE-000001"));
        });

        assertThat(second).isFalse();
        assertThat(store.outbox().findByIdempotencyKey("invoice-issued:FE-000001"))
                .contains(first);
    }

    @Test
    void pricesWithCentsKeepTheirValue() {
        var store = store(freshH2());
        var plan = Fixtures.plan();
        var priced = store.plans()
                .save(plan.changePrice(
                        org.javamoney.moneta.Money.of(new java.math.BigDecimal("65000.55"), "COP"),
                        LocalDate.of(2027, 1, 1)));

        var found = store.plans().findById(plan.id()).orElseThrow();

        assertThat(found).isEqualTo(priced);
        assertThat(found.prices())
                .extracting(PlanPrice::monthlyPrice)
                .extracting(m -> m.getNumber().numberValue(java.math.BigDecimal.class))
                .containsExactly(new java.math.BigDecimal("65000"), new java.math.BigDecimal("65000.55"));
    }

    @Test
    void aHostsOwnFactoryWorksWhenConfiguredWithTheAdaptersSettings() {
        var pool = freshH2();
        JpaPersistence.migrate(pool);
        var factory = JpaPersistence.configuration(pool, JpaConfig.DEFAULTS).createEntityManagerFactory();
        resources.add(0, factory::close);

        var store = JpaPersistence.of(factory);
        store.close(); // the host's factory stays open

        assertThat(factory.isOpen()).isTrue();
        assertThat(store.customers().save(Fixtures.customer()).version()).isEqualTo(1);
    }

    @Test
    void aFactoryWithoutTheBinaryIdBindingIsRejectedAtStartUp() {
        var pool = freshH2();
        JpaPersistence.migrate(pool);
        var factory = JpaPersistence.configuration(pool, JpaConfig.DEFAULTS)
                .property(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "UUID")
                .createEntityManagerFactory();
        resources.add(0, factory::close);

        assertThatThrownBy(() -> JpaPersistence.of(factory))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining(AvailableSettings.PREFERRED_UUID_JDBC_TYPE);
    }

    @Test
    void badSettingsFailAtStartUpNamingTheKey() {
        JpaConfig config = key -> key.equals("batchSize") ? "0" : null;
        JpaConfig notANumber = key -> key.equals("batchSize") ? "many" : null;

        assertThatThrownBy(() -> JpaPersistence.create(freshH2(), config))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("wispcrm.jpa.batchSize");
        assertThatThrownBy(notANumber::validate).hasMessageContaining("wispcrm.jpa.batchSize");
        assertThat(JpaConfig.DEFAULTS.batchSize()).isEqualTo(50);
        assertThat(JpaConfig.DEFAULTS.migrate()).isTrue();
    }
}
