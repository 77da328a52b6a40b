package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.SubscriptionRepositoryKit;

class InMemorySubscriptionRepositoryTest extends SubscriptionRepositoryKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
