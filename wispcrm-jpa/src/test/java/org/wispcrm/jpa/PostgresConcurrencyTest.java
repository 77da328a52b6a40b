package org.wispcrm.jpa;

/** The concurrency scenarios on Postgres (configured by {@link TestDatabase}). */
class PostgresConcurrencyTest extends ConcurrencyScenarios {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
