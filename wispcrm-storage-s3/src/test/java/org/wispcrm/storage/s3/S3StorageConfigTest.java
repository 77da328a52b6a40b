package org.wispcrm.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.storage.s3.S3DocumentStorageTest.config;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/** Defaults, parsing and start-up validation of {@link S3StorageConfig}, bound from a property map as a host does. */
class S3StorageConfigTest {

    @Test
    void only_the_bucket_is_required_and_the_rest_has_defaults() {
        var config = config(Map.of("bucket", "wisp-docs"));

        config.validate();
        assertThat(config.bucket()).isEqualTo("wisp-docs");
        assertThat(config.keyPrefix()).isEmpty();
        assertThat(config.serverSideEncryption()).isEqualTo(S3ServerSideEncryption.NONE);
        assertThat(config.kmsKeyId()).isEmpty();
    }

    @Test
    void every_setting_is_read_and_trimmed() {
        var config = config(Map.of(
                "bucket", " wisp.docs-1 ",
                "keyPrefix", "tenant-a/prod/",
                "serverSideEncryption", "AWS:KMS",
                "kmsKeyId", "arn:aws:kms:us-east-1:111122223333:key/1234abcd"));

        config.validate();
        assertThat(config.bucket()).isEqualTo("wisp.docs-1");
        assertThat(config.keyPrefix()).isEqualTo("tenant-a/prod");
        assertThat(config.serverSideEncryption()).isEqualTo(S3ServerSideEncryption.AWS_KMS);
        assertThat(config.kmsKeyId()).isEqualTo(Optional.of("arn:aws:kms:us-east-1:111122223333:key/1234abcd"));
        assertThat(config(Map.of("bucket", "b12", "serverSideEncryption", "aes256"))
                        .serverSideEncryption())
                .isEqualTo(S3ServerSideEncryption.AES256);
        assertThat(config(Map.of("bucket", "b12", "serverSideEncryption", "None"))
                        .serverSideEncryption())
                .isEqualTo(S3ServerSideEncryption.NONE);
    }

    @Test
    void a_missing_or_blank_bucket_fails_naming_the_key() {
        for (var config : java.util.List.of(config(Map.of()), config(Map.of("bucket", "  ")))) {
            assertConfigurationError(config::validate, "wispcrm.s3.bucket is required");
            assertConfigurationError(config::bucket, "wispcrm.s3.bucket is required");
        }
    }

    @Test
    void a_bad_bucket_name_fails_naming_the_key_and_value() {
        for (String bad : new String[] {"ab", "Wisp_Docs", "-wisp", "wisp-", "wisp..docs", "a".repeat(64), "s3://x"}) {
            assertConfigurationError(
                    config(Map.of("bucket", bad))::validate,
                    "wispcrm.s3.bucket '" + bad + "' is not a valid S3 bucket name");
        }
    }

    @Test
    void bad_values_of_the_optional_settings_fail_naming_their_keys() {
        assertConfigurationError(
                config(Map.of("bucket", "wisp-docs", "keyPrefix", "../up"))::validate, "wispcrm.s3.keyPrefix '../up'");
        assertConfigurationError(
                config(Map.of("bucket", "wisp-docs", "keyPrefix", "/abs"))::validate, "wispcrm.s3.keyPrefix '/abs'");
        assertConfigurationError(
                config(Map.of("bucket", "wisp-docs", "serverSideEncryption", "rot13"))::validate,
                "wispcrm.s3.serverSideEncryption 'rot13' must be none, AES256 or aws:kms");
        assertConfigurationError(
                config(Map.of("bucket", "wisp-docs", "serverSideEncryption", "AES256", "kmsKeyId", "k"))::validate,
                "wispcrm.s3.kmsKeyId is set but wispcrm.s3.serverSideEncryption is AES256");
        assertConfigurationError(
                config(Map.of("bucket", "wisp-docs", "kmsKeyId", "k"))::validate,
                "wispcrm.s3.kmsKeyId is set but wispcrm.s3.serverSideEncryption is none");
    }

    @Test
    void validate_names_every_bad_key_at_once() {
        var config = config(Map.of("keyPrefix", "a//b", "serverSideEncryption", "des"));

        assertThatThrownBy(config::validate)
                .isInstanceOfSatisfying(
                        WispCrmException.class,
                        e -> assertThat(e.getMessage())
                                .contains("wispcrm.s3.bucket")
                                .contains("wispcrm.s3.keyPrefix")
                                .contains("wispcrm.s3.serverSideEncryption"));
    }

    @Test
    void the_prefix_used_in_messages_can_be_overridden() {
        S3StorageConfig config = new S3StorageConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String prefix() {
                return "storage.documents";
            }
        };

        assertConfigurationError(config::validate, "storage.documents.bucket is required");
    }

    private static void assertConfigurationError(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WispCrmException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
