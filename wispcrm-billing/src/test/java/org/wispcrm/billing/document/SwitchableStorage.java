package org.wispcrm.billing.document;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.LocalFileDocumentStorage;
import org.wispcrm.core.document.StoredDocument;

/** Local-disk storage whose writes fail, as a bucket outage would, while {@link #down} is set. */
final class SwitchableStorage implements DocumentStorage {
    final LocalFileDocumentStorage disk;
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger puts = new AtomicInteger();
    /** Keys whose put fails even when the storage is up (a single bad object). */
    final java.util.Set<DocumentKey> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SwitchableStorage(Path root) {
        this.disk = new LocalFileDocumentStorage(root);
    }

    @Override
    public void put(DocumentKey key, byte[] content, String contentType) {
        if (down.get() || failing.contains(key)) {
            throw WispCrmException.adapterFailure(ErrorCode.STORAGE_FAILURE, "storage is down: " + key, null);
        }
        puts.incrementAndGet();
        disk.put(key, content, contentType);
    }

    @Override
    public Optional<StoredDocument> get(DocumentKey key) {
        return disk.get(key);
    }

    @Override
    public boolean exists(DocumentKey key) {
        return disk.exists(key);
    }

    @Override
    public URI url(DocumentKey key, Duration ttl) {
        return disk.url(key, ttl);
    }
}
