package org.wispcrm.testkit.inmemory;

import org.wispcrm.core.Persistence;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.testkit.CreditNoteRepositoryKit;

class InMemoryCreditNoteRepositoryTest extends CreditNoteRepositoryKit {
    @Override
    protected Persistence newPersistence() {
        return InMemoryPersistence.create();
    }
}
