package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.PaymentRepositoryKit;

class InMemoryPaymentRepositoryTest extends PaymentRepositoryKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
