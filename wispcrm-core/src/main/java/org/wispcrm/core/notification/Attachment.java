package org.wispcrm.core.notification;

import java.net.URI;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Violations;

/**
 * A file sent with a message (an invoice PDF). Channels that send links (WhatsApp) may use {@code link}; channels
 * that embed files (email) use {@code content}.
 *
 * @param fileName name shown to the customer, such as {@code FE-000123.pdf}
 * @param contentType MIME type
 * @param content the bytes
 * @param link a time-limited URL to the same bytes, when the storage offers one
 */
public record Attachment(
        String fileName,
        String contentType,
        byte[] content,
        @Nullable URI link) {

    /** Validates the name and type and copies the bytes. */
    public Attachment {
        var violations = new Violations();
        if (violations.requireText("fileName", fileName)) {
            violations.require(
                    !fileName.contains("/") && !fileName.contains("\\"), "fileName", fileName, "must not be a path");
        }
        violations.requireText("contentType", contentType);
        violations.require(content != null, "content", null, "must be present");
        violations.throwIfAny();
        content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The number of bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that
                && fileName.equals(that.fileName)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content)
                && java.util.Objects.equals(link, that.link);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
