package org.wispcrm.storage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;

/**
 * Settings of {@link S3DocumentStorage}, read through {@link #get(String)} from whatever property source the host
 * has (Micrometer's registry-config shape). A host binds it with a lambda:
 *
 * <pre>{@code
 * S3StorageConfig config = key -> props.getProperty("wispcrm.s3." + key);
 * config.validate(); // S3DocumentStorage's constructor does this too
 * }</pre>
 *
 * <p>Keys (relative to the host's prefix, which {@link #prefix()} names in error messages):
 *
 * <ul>
 *   <li>{@code bucket} (required): the S3 bucket, 3 to 63 lowercase letters, digits, '.' or '-'.
 *   <li>{@code keyPrefix} (default empty): a folder inside the bucket for every document, such as
 *       {@code wisp/prod}; a trailing '/' is dropped. Segments follow the {@link DocumentKey} rules.
 *   <li>{@code serverSideEncryption} (default {@code none}): {@code none}, {@code AES256} (SSE-S3) or
 *       {@code aws:kms} (SSE-KMS).
 *   <li>{@code kmsKeyId} (optional, only with {@code aws:kms}): the KMS key id, ARN or alias; without it S3 uses the
 *       bucket's default KMS key.
 * </ul>
 *
 * <p>The typed methods throw {@code CONFIGURATION} naming the key when its value is missing or bad; {@link #validate()}
 * checks every key at once and names each bad one. Override a typed method to supply a value in code instead.
 */
@FunctionalInterface
public interface S3StorageConfig {

    /**
     * The raw value of a setting, or null if it is not set.
     *
     * @param key the setting's name without the host's prefix, such as {@code bucket}
     * @return its value, or null
     */
    @Nullable
    String get(String key);

    /** The prefix under which the host keeps these settings, used only to name keys in errors; {@code wispcrm.s3}. */
    default String prefix() {
        return "wispcrm.s3";
    }

    /** The bucket that keeps the documents (required). */
    default String bucket() {
        String bucket = text("bucket");
        if (bucket == null) {
            throw bad("bucket", null, "is required: the name of the S3 bucket that keeps the documents");
        }
        if (!S3ConfigChecks.BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw bad(
                    "bucket",
                    bucket,
                    "is not a valid S3 bucket name (3 to 63 lowercase letters, digits, '.' or '-', starting and"
                            + " ending with a letter or digit)");
        }
        return bucket;
    }

    /** The folder inside the bucket under which every document is kept, without a trailing '/'; default empty. */
    default String keyPrefix() {
        String prefix = text("keyPrefix");
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        try {
            return new DocumentKey(trimmed).value();
        } catch (WispCrmException e) {
            throw bad(
                    "keyPrefix",
                    prefix,
                    "must be relative '/'-separated segments of letters, digits, '.', '_' or '-' (no '..', no"
                            + " leading '/')");
        }
    }

    /** The server-side encryption requested on every put; default {@link S3ServerSideEncryption#NONE}. */
    default S3ServerSideEncryption serverSideEncryption() {
        String value = text("serverSideEncryption");
        if (value == null) {
            return S3ServerSideEncryption.NONE;
        }
        return S3ServerSideEncryption.fromConfigValue(value)
                .orElseThrow(() -> bad("serverSideEncryption", value, "must be none, AES256 or aws:kms"));
    }

    /** The KMS key for {@code aws:kms} encryption; empty means the bucket's default KMS key. */
    default Optional<String> kmsKeyId() {
        return Optional.ofNullable(text("kmsKeyId"));
    }

    /**
     * Checks every setting and fails at start-up naming each bad key.
     *
     * @throws WispCrmException {@code CONFIGURATION} listing every bad key with its problem
     */
    default void validate() {
        List<String> problems = new ArrayList<>();
        S3ConfigChecks.check(problems, this::bucket);
        S3ConfigChecks.check(problems, this::keyPrefix);
        var encryption = S3ConfigChecks.check(problems, this::serverSideEncryption);
        var kmsKeyId = S3ConfigChecks.check(problems, this::kmsKeyId);
        if (kmsKeyId != null
                && kmsKeyId.isPresent()
                && encryption != null
                && encryption != S3ServerSideEncryption.AWS_KMS) {
            problems.add(fullKey("kmsKeyId") + " is set but " + fullKey("serverSideEncryption") + " is "
                    + encryption.configValue() + "; a KMS key needs aws:kms");
        }
        if (!problems.isEmpty()) {
            throw WispCrmException.configuration(
                    "Invalid S3 document storage configuration: " + String.join("; ", problems));
        }
    }

    private @Nullable String text(String key) {
        String value = get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String fullKey(String key) {
        return prefix().isEmpty() ? key : prefix() + "." + key;
    }

    private WispCrmException bad(String key, @Nullable String value, String problem) {
        return WispCrmException.configuration(fullKey(key) + (value == null ? "" : " '" + value + "'") + " " + problem);
    }
}
