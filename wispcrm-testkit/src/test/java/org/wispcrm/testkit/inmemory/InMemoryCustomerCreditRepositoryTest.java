package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.CustomerCreditRepositoryKit;

class InMemoryCustomerCreditRepositoryTest extends CustomerCreditRepositoryKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
