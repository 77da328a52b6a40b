package org.wispcrm.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.testkit.DocumentStorageKit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The kit against {@link S3DocumentStorage} on an in-process S3Proxy (a real S3 protocol server on a loopback port),
 * with a key prefix; plus links, the prefix as S3 sees it, typed errors and server-side encryption.
 */
class S3DocumentStorageTest extends DocumentStorageKit {

    private static S3ProxyServer server;
    private static S3Client client;
    private static S3Presigner presigner;

    @BeforeAll
    static void startS3() throws Exception {
        server = new S3ProxyServer();
        client = server.client();
        presigner = server.presigner();
    }

    @AfterAll
    static void stopS3() throws Exception {
        presigner.close();
        client.close();
        server.stop();
    }

    @Override
    protected boolean contentTypeIsAtomicWithBytes() {
        // S3Proxy's in-memory blob store writes an object's metadata and payload separately, so a GET racing a PUT
        // can pair one version's content type with another's bytes. S3 itself cannot (a GET is one version), and
        // S3DocumentStorage.get reads both from that one GET.
        return false;
    }

    @Override
    protected DocumentStorage newStorage() {
        return new S3DocumentStorage(
                client, presigner, config(Map.of("bucket", server.newBucket(client), "keyPrefix", "tenant-a/docs/")));
    }

    /** Binds the config the way a host does, from a property map under {@code wispcrm.s3.}. */
    static S3StorageConfig config(Map<String, String> settings) {
        var props = new HashMap<String, String>();
        settings.forEach((k, v) -> props.put("wispcrm.s3." + k, v));
        return key -> props.get("wispcrm.s3." + key);
    }

    // ---- links -------------------------------------------------------------------------------------------------

    @Test
    void url_is_a_presigned_link_valid_for_the_ttl_that_needs_no_credentials() throws Exception {
        var storage = newStorage();
        var key = DocumentKey.of("invoices", "FE-000300.pdf");
        byte[] pdf = "%PDF-1.7 factura FE-000300".getBytes(UTF_8);
        storage.put(key, pdf, "application/pdf");

        URI link = storage.url(key, Duration.ofMinutes(10));

        assertThat(link.getScheme()).isEqualTo("http");
        assertThat(link.getPort()).isEqualTo(server.endpoint().getPort());
        assertThat(link.getPath()).endsWith("/tenant-a/docs/invoices/FE-000300.pdf");
        assertThat(link.getQuery()).contains("X-Amz-Expires=600").contains("X-Amz-Signature=");
        HttpResponse<byte[]> response = httpGet(link);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");

        URI tampered = URI.create(link.toString().replace("FE-000300.pdf", "FE-000301.pdf"));
        assertThat(httpGet(tampered).statusCode())
                .as("a link signed for one key does not open another")
                .isEqualTo(403);
    }

    @Test
    void url_rejects_a_ttl_that_is_not_positive_or_longer_than_seven_days() {
        var storage = newStorage();
        var key = DocumentKey.of("a.pdf");
        storage.put(key, new byte[] {1}, "application/pdf");

        for (var ttl : List.of(
                Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1))) {
            assertThatThrownBy(() -> storage.url(key, ttl))
                    .as("ttl %s", ttl)
                    .isInstanceOfSatisfying(WispCrmException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                        assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("ttl");
                    });
        }
        assertThat(storage.url(key, Duration.ofDays(7)).getQuery()).contains("X-Amz-Expires=604800");
    }

    @Test
    void put_if_absent_is_one_conditional_put_and_url_of_stored_asks_s3_nothing() throws Exception {
        var sent = new SentRequests();
        try (S3Client recording = server.client(sent)) {
            String bucket = server.newBucket(recording);
            var storage = new S3DocumentStorage(recording, presigner, config(Map.of("bucket", bucket)));
            int before = sent.all.size();
            var key = DocumentKey.of("invoices", "FE-000302.pdf");

            assertThat(storage.putIfAbsent(key, new byte[] {1}, "application/pdf"))
                    .isTrue();
            assertThat(storage.putIfAbsent(key, new byte[] {2}, "application/pdf"))
                    .isFalse();
            URI link = storage.urlOfStored(key, Duration.ofMinutes(5));

            assertThat(sent.all.subList(before, sent.all.size()))
                    .as("requests sent to S3")
                    .hasSize(2)
                    .allMatch(request -> request instanceof PutObjectRequest);
            assertThat(sent.putHeaders)
                    .allSatisfy(headers -> assertThat(headers).containsEntry("if-none-match", List.of("*")));
            assertThat(httpGet(link).body()).containsExactly(1);
        }
    }

    // ---- prefix ------------------------------------------------------------------------------------------------

    @Test
    void the_key_prefix_is_applied_to_the_object_key_in_s3() {
        String bucket = server.newBucket(client);
        var storage =
                new S3DocumentStorage(client, presigner, config(Map.of("bucket", bucket, "keyPrefix", "wisp/prod")));
        var key = DocumentKey.of("invoices", "2026", "11", "FE-000123.pdf");

        storage.put(key, "pdf bytes".getBytes(UTF_8), "application/pdf");

        assertThat(storage.objectKey(key)).isEqualTo("wisp/prod/invoices/2026/11/FE-000123.pdf");
        assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents())
                .extracting(S3Object::key)
                .containsExactly("wisp/prod/invoices/2026/11/FE-000123.pdf");
        var head = client.headObject(b -> b.bucket(bucket).key("wisp/prod/invoices/2026/11/FE-000123.pdf"));
        assertThat(head.contentType()).isEqualTo("application/pdf");
        assertThat(head.contentLength()).isEqualTo(9L);

        // An object outside the prefix is not this storage's document.
        client.putObject(b -> b.bucket(bucket).key("invoices/2026/11/FE-000999.pdf"), RequestBody.fromString("other"));
        assertThat(storage.exists(DocumentKey.of("invoices", "2026", "11", "FE-000999.pdf")))
                .isFalse();
    }

    @Test
    void without_a_prefix_the_object_key_is_the_document_key() {
        String bucket = server.newBucket(client);
        var storage = new S3DocumentStorage(client, presigner, config(Map.of("bucket", bucket)));

        storage.put(DocumentKey.of("receipts", "RC-1.pdf"), new byte[] {1, 2}, "application/pdf");

        assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents())
                .extracting(S3Object::key)
                .containsExactly("receipts/RC-1.pdf");
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    @Test
    void a_missing_bucket_is_a_storage_failure_naming_it_for_every_operation() {
        var storage = new S3DocumentStorage(client, presigner, config(Map.of("bucket", "no-such-bucket-here")));
        var key = DocumentKey.of("invoices", "FE-1.pdf");

        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> storage.put(key, new byte[] {1}, "application/pdf"),
                () -> storage.get(key),
                () -> storage.exists(key),
                () -> storage.url(key, Duration.ofMinutes(1)))) {
            assertThatThrownBy(call).isInstanceOfSatisfying(WispCrmException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                assertThat(e.getMessage())
                        .contains("S3 bucket 'no-such-bucket-here' does not exist")
                        .contains("invoices/FE-1.pdf");
            });
        }
    }

    @Test
    void wrong_credentials_are_a_storage_failure_saying_access_denied() {
        String bucket = server.newBucket(client);
        var key = DocumentKey.of("invoices", "FE-2.pdf");
        new S3DocumentStorage(client, presigner, config(Map.of("bucket", bucket)))
                .put(key, new byte[] {1}, "application/pdf");

        for (var wrong : List.of(
                server.client(S3ProxyServer.ACCESS_KEY, "not-the-secret"), server.client("unknown", "secret"))) {
            try (wrong) {
                var storage = new S3DocumentStorage(wrong, presigner, config(Map.of("bucket", bucket)));
                for (ThrowingCallable call : List.<ThrowingCallable>of(
                        () -> storage.put(key, new byte[] {2}, "application/pdf"),
                        () -> storage.get(key),
                        () -> storage.exists(key),
                        () -> storage.url(key, Duration.ofMinutes(1)))) {
                    assertThatThrownBy(call).isInstanceOfSatisfying(WispCrmException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                        assertThat(e.getMessage()).startsWith("Access denied to S3 bucket '" + bucket + "'");
                    });
                }
            }
        }
        assertThat(new S3DocumentStorage(client, presigner, config(Map.of("bucket", bucket)))
                        .get(key)
                        .orElseThrow()
                        .content())
                .as("the denied put changed nothing")
                .containsExactly(1);
    }

    // ---- server-side encryption --------------------------------------------------------------------------------

    @Test
    void aes256_encryption_is_requested_on_every_put() {
        var sent = new SentRequests();
        try (S3Client recording = server.client(sent)) {
            String bucket = server.newBucket(recording);
            var storage = new S3DocumentStorage(
                    recording, presigner, config(Map.of("bucket", bucket, "serverSideEncryption", "AES256")));

            storage.put(DocumentKey.of("a.pdf"), new byte[] {1}, "application/pdf");

            PutObjectRequest put = sent.puts.get(0);
            assertThat(put.serverSideEncryptionAsString()).isEqualTo("AES256");
            assertThat(put.ssekmsKeyId()).isNull();
            assertThat(sent.putHeaders.get(0)).containsEntry("x-amz-server-side-encryption", List.of("AES256"));
            assertThat(recording.headObject(b -> b.bucket(bucket).key("a.pdf")).serverSideEncryptionAsString())
                    .as("what S3 reports it stored")
                    .isEqualTo("AES256");
            assertThat(storage.get(DocumentKey.of("a.pdf")).orElseThrow().content())
                    .containsExactly(1);
        }
    }

    @Test
    void kms_encryption_sends_the_configured_key_id() {
        var sent = new SentRequests();
        try (S3Client recording = server.client(sent)) {
            String bucket = server.newBucket(recording);
            var storage = new S3DocumentStorage(
                    recording,
                    presigner,
                    config(Map.of(
                            "bucket", bucket, "serverSideEncryption", "aws:kms", "kmsKeyId", "alias/wisp-documents")));

            storage.put(DocumentKey.of("a.pdf"), new byte[] {1}, "application/pdf");

            PutObjectRequest put = sent.puts.get(0);
            assertThat(put.serverSideEncryptionAsString()).isEqualTo("aws:kms");
            assertThat(put.ssekmsKeyId()).isEqualTo("alias/wisp-documents");
            assertThat(sent.putHeaders.get(0))
                    .containsEntry("x-amz-server-side-encryption", List.of("aws:kms"))
                    .containsEntry("x-amz-server-side-encryption-aws-kms-key-id", List.of("alias/wisp-documents"));
            var head = recording.headObject(b -> b.bucket(bucket).key("a.pdf"));
            assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
            assertThat(head.ssekmsKeyId()).isEqualTo("alias/wisp-documents");
        }
    }

    @Test
    void without_encryption_settings_no_encryption_header_is_sent() {
        var sent = new SentRequests();
        try (S3Client recording = server.client(sent)) {
            String bucket = server.newBucket(recording);
            var storage = new S3DocumentStorage(recording, presigner, config(Map.of("bucket", bucket)));

            storage.put(DocumentKey.of("a.pdf"), new byte[] {1}, "application/pdf");

            assertThat(sent.puts.get(0).serverSideEncryption()).isNull();
            assertThat(sent.putHeaders.get(0)).doesNotContainKey("x-amz-server-side-encryption");
            // No HEAD check: like S3 itself, S3Proxy reports its default (AES256) for objects put without a header.
        }
    }

    @Test
    void the_constructor_validates_the_config() {
        assertThatThrownBy(() -> new S3DocumentStorage(client, presigner, config(Map.of("keyPrefix", "x"))))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("wispcrm.s3.bucket");
                });
    }

    private static HttpResponse<byte[]> httpGet(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Records every request the SDK sends, and each PutObject as sent: the modeled request and the HTTP headers on
     * the wire.
     */
    static final class SentRequests implements ExecutionInterceptor {
        final List<Object> all = new CopyOnWriteArrayList<>();
        final List<PutObjectRequest> puts = new CopyOnWriteArrayList<>();
        final List<Map<String, List<String>>> putHeaders = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            all.add(context.request());
            if (context.request() instanceof PutObjectRequest put) {
                puts.add(put);
                var headers = new HashMap<String, List<String>>();
                context.httpRequest().headers().forEach((name, values) -> headers.put(name.toLowerCase(), values));
                putHeaders.add(headers);
            }
        }
    }
}
