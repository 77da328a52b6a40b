package org.wispcrm.core.document;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps generated documents. There is deliberately no delete: issued documents are records the ISP must keep.
 * Implementations are thread-safe; failures are {@code WispCrmException}s with {@code STORAGE_FAILURE} (or
 * {@code INVALID_INPUT} for bad arguments).
 *
 * <p>Portable key sets never use one key as a folder of another ({@code a.pdf} and {@code a.pdf/b.pdf}): a file
 * system cannot hold both. Adapters: {@link LocalFileDocumentStorage} here, {@code S3DocumentStorage} in
 * {@code wispcrm-storage-s3}; every adapter passes {@code org.wispcrm.testkit.DocumentStorageKit}.
 */
public interface DocumentStorage {

    /**
     * Stores the bytes under the key, replacing what was there. A reader never sees a partly written document.
     *
     * @param contentType MIME type, such as {@code application/pdf}: {@code type/subtype} with optional parameters, in
     *     printable US-ASCII, at most 255 characters; anything else is {@code INVALID_INPUT} naming
     *     {@code contentType}
     */
    void put(DocumentKey key, byte[] content, String contentType);

    /**
     * {@link #put} unless a document is stored under the key already, in which case that document is kept untouched:
     * issued documents are what the customer received. One request where the storage can make a write conditional
     * (S3's {@code If-None-Match}), instead of asking first and writing second.
     *
     * <p>The default asks {@link #exists} and then puts, which is not atomic: two callers storing the same key at once
     * may both write. The adapters here make it atomic.
     *
     * @return true if the bytes were stored, false if a document was there already
     */
    default boolean putIfAbsent(DocumentKey key, byte[] content, String contentType) {
        if (exists(key)) {
            return false;
        }
        put(key, content, contentType);
        return true;
    }

    /** The document under the key, if there is one. */
    Optional<StoredDocument> get(DocumentKey key);

    /** Whether a document is stored under the key. */
    boolean exists(DocumentKey key);

    /**
     * A link to the document that works for {@code ttl} (a presigned URL on S3; a {@code file:} URI on local disk,
     * which ignores the ttl). Fails with {@code NOT_FOUND} if there is no such document.
     */
    URI url(DocumentKey key, Duration ttl);

    /**
     * {@link #url} for a document the caller knows is stored, such as one whose key was recorded after it was stored:
     * an adapter may skip asking whether it exists (S3 presigns the link without a HEAD request). For a document that
     * is not stored, the link does not work or this fails with {@code NOT_FOUND}. The default is {@link #url}.
     */
    default URI urlOfStored(DocumentKey key, Duration ttl) {
        return url(key, ttl);
    }
}
