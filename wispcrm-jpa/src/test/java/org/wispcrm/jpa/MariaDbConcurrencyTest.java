package org.wispcrm.jpa;

/** The concurrency scenarios on MariaDb (configured by {@link TestDatabase}). */
class MariaDbConcurrencyTest extends ConcurrencyScenarios {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
