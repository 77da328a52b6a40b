package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.InvoiceRepositoryKit;

class InMemoryInvoiceRepositoryTest extends InvoiceRepositoryKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
