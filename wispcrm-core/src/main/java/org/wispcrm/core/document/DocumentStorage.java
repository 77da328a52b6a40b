package org.wispcrm.core.document;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps generated documents. There is deliberately no delete: issued documents are records the ISP must keep.
 * Implementations are thread-safe; failures are {@code WispCrmException}s with {@code STORAGE_FAILURE} (or
 * {@code INVALID_INPUT} for bad arguments).
 */
public interface DocumentStorage {

    /**
     * Stores the bytes under the key, replacing what was there. A reader never sees a partly written document.
     *
     * @param contentType MIME type, such as {@code application/pdf}
     */
    void put(DocumentKey key, byte[] content, String contentType);

    /** The document under the key, if there is one. */
    Optional<StoredDocument> get(DocumentKey key);

    /** Whether a document is stored under the key. */
    boolean exists(DocumentKey key);

    /**
     * A link to the document that works for {@code ttl} (a presigned URL on S3; a {@code file:} URI on local disk,
     * which ignores the ttl). Fails with {@code NOT_FOUND} if there is no such document.
     */
    URI url(DocumentKey key, Duration ttl);
}
