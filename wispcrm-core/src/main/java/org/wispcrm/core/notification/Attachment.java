package org.wispcrm.core.notification;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Violations;

/**
 * A file sent with a message (an invoice PDF). Channels that send links (WhatsApp) may use {@link #link()};
 * channels that embed files (email) use {@link #content()}.
 *
 * <p>An attachment with a link may fetch its bytes only when a channel first asks for them ({@link #fetchedOnUse}):
 * a WhatsApp message that sends the link then never downloads the PDF from storage. Immutable and thread-safe.
 */
public final class Attachment {
    private final String fileName;
    private final String contentType;
    private final @Nullable URI link;
    private final Supplier<byte[]> fetch;
    private volatile byte @Nullable [] content;

    /**
     * An attachment with its bytes in hand.
     *
     * @param fileName name shown to the customer, such as {@code FE-000123.pdf}
     * @param contentType MIME type
     * @param content the bytes (copied)
     * @param link a time-limited URL to the same bytes, when the storage offers one
     */
    public Attachment(String fileName, String contentType, byte[] content, @Nullable URI link) {
        this(fileName, contentType, link, content, null);
    }

    private Attachment(
            String fileName,
            String contentType,
            @Nullable URI link,
            byte @Nullable [] content,
            @Nullable Supplier<byte[]> fetch) {
        var violations = new Violations();
        if (violations.requireText("fileName", fileName)) {
            violations.require(
                    !fileName.contains("/") && !fileName.contains("\\"), "fileName", fileName, "must not be a path");
        }
        violations.requireText("contentType", contentType);
        violations.require(content != null || fetch != null, "content", null, "must be present");
        violations.throwIfAny();
        this.fileName = fileName;
        this.contentType = contentType;
        this.link = link;
        this.content = content == null ? null : content.clone();
        this.fetch = fetch != null ? fetch : () -> new byte[0];
    }

    /**
     * An attachment reachable at {@code link} whose bytes are fetched (once) the first time a channel asks for them.
     * {@code fetch} may throw {@link ChannelException}, which then reaches the channel's caller as the send's
     * failure.
     */
    public static Attachment fetchedOnUse(String fileName, String contentType, URI link, Supplier<byte[]> fetch) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(fetch, "fetch");
        return new Attachment(fileName, contentType, link, null, fetch);
    }

    /** The name shown to the customer, such as {@code FE-000123.pdf}. */
    public String fileName() {
        return fileName;
    }

    /** The MIME type. */
    public String contentType() {
        return contentType;
    }

    /** A time-limited URL to the same bytes, when the storage offers one. */
    public @Nullable URI link() {
        return link;
    }

    /** A copy of the bytes (fetched now if this attachment was made with {@link #fetchedOnUse}). */
    public byte[] content() {
        return bytes().clone();
    }

    /** The number of bytes (fetched now if this attachment was made with {@link #fetchedOnUse}). */
    public int size() {
        return bytes().length;
    }

    private byte[] bytes() {
        byte[] bytes = content;
        if (bytes == null) {
            synchronized (this) {
                bytes = content;
                if (bytes == null) {
                    bytes = Objects.requireNonNull(fetch.get(), "fetched content")
                            .clone();
                    content = bytes;
                }
            }
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that
                && fileName.equals(that.fileName)
                && contentType.equals(that.contentType)
                && Arrays.equals(bytes(), that.bytes())
                && Objects.equals(link, that.link);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(bytes());
    }

    @Override
    public String toString() {
        byte[] bytes = content;
        return "Attachment[" + fileName + ", " + contentType + ", "
                + (bytes == null ? "fetched on use from " + link : bytes.length + " bytes") + "]";
    }
}
