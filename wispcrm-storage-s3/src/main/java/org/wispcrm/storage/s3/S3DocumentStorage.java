package org.wispcrm.storage.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.StoredDocument;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * {@link DocumentStorage} on Amazon S3 or an S3-compatible store, with the AWS SDK v2.
 *
 * <p>The document of key {@code invoices/2026/11/FE-000123.pdf} is the object
 * {@code <keyPrefix>/invoices/2026/11/FE-000123.pdf} of the configured bucket, stored with its content type and the
 * configured server-side encryption. An S3 put is atomic, so readers see the old or the new document;
 * {@link #putIfAbsent} is one conditional put. {@link #exists} is a HEAD request, and so is {@link #url}'s check that
 * the document exists, which {@link #urlOfStored} skips; {@link #url} is a presigned GET valid for the given ttl (at
 * most 7 days, S3's limit).
 *
 * <p>The host builds the {@link S3Client} and {@link S3Presigner} (region, credentials, HTTP client, retries, endpoint)
 * and keeps closing them; this class only uses them. Errors are {@code WispCrmException}s: a missing bucket or denied
 * access is {@code STORAGE_FAILURE} naming the bucket, any other S3 or network failure is {@code STORAGE_FAILURE}
 * naming the key; a missing document is an empty {@link #get} and a {@code NOT_FOUND} {@link #url}.
 */
public final class S3DocumentStorage implements DocumentStorage {

    /** S3's longest presigned-URL lifetime with SigV4. */
    static final Duration MAX_TTL = Duration.ofDays(7);

    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String keyPrefix;
    private final S3ServerSideEncryption encryption;
    private final @Nullable String kmsKeyId;
    /** Set once a HEAD of the bucket succeeded, so later 404s of HEAD object need not ask again. */
    private volatile boolean bucketSeen;

    /**
     * A storage in the configured bucket.
     *
     * @param s3 the client for reads and writes, owned by the host
     * @param presigner the presigner for links, owned by the host (same region and credentials as {@code s3})
     * @param config the settings; validated here
     * @throws WispCrmException {@code CONFIGURATION} naming every bad setting
     */
    public S3DocumentStorage(S3Client s3, S3Presigner presigner, S3StorageConfig config) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        config.validate();
        this.bucket = config.bucket();
        this.keyPrefix = config.keyPrefix();
        this.encryption = config.serverSideEncryption();
        this.kmsKeyId = config.kmsKeyId().orElse(null);
    }

    /** The bucket documents are kept in. */
    public String bucket() {
        return bucket;
    }

    /**
     * The S3 object key of a document: the key below the configured prefix.
     *
     * @param key the document's key
     * @return the object key in {@link #bucket()}
     */
    public String objectKey(DocumentKey key) {
        return keyPrefix.isEmpty() ? key.value() : keyPrefix + "/" + key.value();
    }

    @Override
    public void put(DocumentKey key, byte[] content, String contentType) {
        requireValidContentType(contentType);
        try {
            s3.putObject(putRequest(key, content, contentType).build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    /**
     * A conditional PUT ({@code If-None-Match: *}): S3 stores the object only if the key is free and answers 412
     * otherwise, so checking and writing are one atomic request.
     */
    @Override
    public boolean putIfAbsent(DocumentKey key, byte[] content, String contentType) {
        requireValidContentType(contentType);
        try {
            s3.putObject(
                    putRequest(key, content, contentType).ifNoneMatch("*").build(), RequestBody.fromBytes(content));
            return true;
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            // anything else fails, a 409 too: another conditional write of the key is in flight, its outcome unknown
            throw failure("store", key, e);
        }
    }

    private PutObjectRequest.Builder putRequest(DocumentKey key, byte[] content, String contentType) {
        var request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey(key))
                .contentType(contentType)
                .contentLength((long) content.length);
        switch (encryption) {
            case NONE -> {}
            case AES256 -> request.serverSideEncryption(ServerSideEncryption.AES256);
            case AWS_KMS -> {
                request.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                if (kmsKeyId != null) {
                    request.ssekmsKeyId(kmsKeyId);
                }
            }
        }
        return request;
    }

    @Override
    public Optional<StoredDocument> get(DocumentKey key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
            String contentType = object.response().contentType();
            return Optional.of(new StoredDocument(
                    key, contentType == null ? DEFAULT_CONTENT_TYPE : contentType, object.asByteArrayUnsafe()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (isMissingKey(e)) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        }
    }

    @Override
    public boolean exists(DocumentKey key) {
        try {
            s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
            bucketSeen = true;
            return true;
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                // A HEAD answer has no body, so a missing bucket looks like a missing key: ask about the bucket.
                requireBucket(key);
                return false;
            }
            throw failure("check", key, e);
        }
    }

    /**
     * A presigned GET link that works for {@code ttl}.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is no such document; {@code INVALID_INPUT} naming
     *     {@code ttl} if it is not positive or longer than 7 days
     */
    @Override
    public URI url(DocumentKey key, Duration ttl) {
        requireValidTtl(ttl);
        if (!exists(key)) {
            throw WispCrmException.notFound("Document", key);
        }
        return presign(key, ttl);
    }

    /** A presigned GET link, signed here without asking S3 anything. */
    @Override
    public URI urlOfStored(DocumentKey key, Duration ttl) {
        requireValidTtl(ttl);
        return presign(key, ttl);
    }

    private static void requireValidTtl(Duration ttl) {
        if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw WispCrmException.invalid("ttl", ttl, "must be positive and at most 7 days (S3's limit)");
        }
    }

    private URI presign(DocumentKey key, Duration ttl) {
        try {
            var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
                    .signatureDuration(ttl)
                    .getObjectRequest(get -> get.bucket(bucket).key(objectKey(key)))
                    .build());
            return presigned.url().toURI();
        } catch (SdkException | URISyntaxException e) {
            throw WispCrmException.adapterFailure(
                    ErrorCode.STORAGE_FAILURE,
                    "Could not presign a link to document " + key + " in S3 bucket '" + bucket + "': " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "S3DocumentStorage[s3://" + bucket + "/" + keyPrefix + "]";
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    private void requireBucket(DocumentKey key) {
        if (bucketSeen) {
            return;
        }
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
            bucketSeen = true;
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                throw missingBucket("check", key, e);
            }
            throw failure("check", key, e);
        }
    }

    private static boolean isMissingKey(SdkException e) {
        return e instanceof S3Exception s3e && "NoSuchKey".equals(errorCode(s3e));
    }

    private WispCrmException failure(String action, DocumentKey key, SdkException e) {
        if (e instanceof S3Exception s3e) {
            if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(errorCode(s3e))) {
                return missingBucket(action, key, e);
            }
            if (s3e.statusCode() == 403) {
                String code = errorCode(s3e);
                return WispCrmException.adapterFailure(
                        ErrorCode.STORAGE_FAILURE,
                        "Access denied to S3 bucket '" + bucket + "' (could not " + action + " document " + key
                                + (code == null ? "" : ", " + code)
                                + "): check the credentials and the bucket policy",
                        e);
            }
        }
        return WispCrmException.adapterFailure(
                ErrorCode.STORAGE_FAILURE,
                "Could not " + action + " document " + key + " in S3 bucket '" + bucket + "': " + e.getMessage(),
                e);
    }

    private WispCrmException missingBucket(String action, DocumentKey key, SdkException e) {
        return WispCrmException.adapterFailure(
                ErrorCode.STORAGE_FAILURE,
                "S3 bucket '" + bucket + "' does not exist (could not " + action + " document " + key + ")",
                e);
    }

    private static @Nullable String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static void requireValidContentType(String contentType) {
        // Same rule as LocalFileDocumentStorage (the kit checks both): a header-safe type/subtype.
        boolean valid = !contentType.isBlank()
                && contentType.length() <= MAX_CONTENT_TYPE_LENGTH
                && contentType.indexOf('/') > 0
                && contentType.indexOf('/') < contentType.length() - 1
                && contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (!valid) {
            throw WispCrmException.invalid(
                    "contentType",
                    contentType,
                    "must be a MIME type such as application/pdf: type/subtype in printable US-ASCII, at most "
                            + MAX_CONTENT_TYPE_LENGTH
                            + " characters");
        }
    }
}
