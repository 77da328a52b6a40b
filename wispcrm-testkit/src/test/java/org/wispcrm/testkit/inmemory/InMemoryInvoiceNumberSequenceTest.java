package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.InvoiceNumberSequenceKit;

class InMemoryInvoiceNumberSequenceTest extends InvoiceNumberSequenceKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
