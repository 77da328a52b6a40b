package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * An aggregate row with an optimistic-lock version. The column counts from 0 at insert; the domain's version is one
 * more (0 means "never saved" in the domain), so a record saved once has version 1.
 */
@MappedSuperclass
abstract class VersionedEntity {
    @Version
    @Column(name = "version", nullable = false)
    long version;

    /** The domain's version for this row. */
    long domainVersion() {
        return version + 1;
    }
}
