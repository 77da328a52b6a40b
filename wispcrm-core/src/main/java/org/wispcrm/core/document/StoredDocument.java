package org.wispcrm.core.document;

import java.util.Arrays;
import java.util.Objects;

/**
 * A document as read back from storage.
 *
 * @param key where it is kept
 * @param contentType its MIME type
 * @param content its bytes
 */
public record StoredDocument(DocumentKey key, String contentType, byte[] content) {

    /** Copies the bytes so the document is immutable. */
    public StoredDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredDocument that
                && key.equals(that.key)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "StoredDocument[" + key + ", " + contentType + ", " + content.length + " bytes]";
    }
}
