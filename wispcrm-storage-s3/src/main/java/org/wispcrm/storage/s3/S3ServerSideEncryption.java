package org.wispcrm.storage.s3;

import java.util.Locale;
import java.util.Optional;

/** Which server-side encryption S3 applies to the documents this storage writes. */
public enum S3ServerSideEncryption {
    /** No encryption header is sent; the bucket's default encryption (if any) applies. */
    NONE("none"),
    /** SSE-S3: S3-managed keys ({@code x-amz-server-side-encryption: AES256}). */
    AES256("AES256"),
    /** SSE-KMS: AWS KMS keys ({@code aws:kms}), with the bucket's or the configured KMS key id. */
    AWS_KMS("aws:kms");

    private final String configValue;

    S3ServerSideEncryption(String configValue) {
        this.configValue = configValue;
    }

    /** The value as written in configuration: {@code none}, {@code AES256} or {@code aws:kms}. */
    public String configValue() {
        return configValue;
    }

    /** The setting for a configuration value (case-insensitive), if it names one. */
    public static Optional<S3ServerSideEncryption> fromConfigValue(String value) {
        String trimmed = value.trim();
        for (S3ServerSideEncryption candidate : values()) {
            if (candidate.configValue.equalsIgnoreCase(trimmed)
                    || candidate
                            .name()
                            .equalsIgnoreCase(trimmed.replace(':', '_').toUpperCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
