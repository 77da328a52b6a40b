package org.wispcrm.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3Proxy on a loopback port in a child JVM with its in-memory blob store: an S3 server with its own heap (6 GB:
 * its in-memory file system costs several times each object's bytes, and a 100,000-invoice run keeps two copies;
 * 1.5 GB ran out in the middle of one), so the benchmark's 512 MB heap holds only the benchmark. Its file-backed
 * store was tried first and stored 80 to 200 objects a second on this machine, which measured the server's disk
 * writes rather than anything of ours. The heap is fixed and collected by the parallel collector: with G1 and a
 * growing heap, the server alone took 14x as long for 100,000 PUTs as for 10,000 when it already held as many
 * objects again (the month close's raw and library buckets), with the parallel collector 10.6x, so the server's
 * collector no longer adds to the growth the benchmark measures (docs/performance.md, change 21). The child runs
 * {@link #main} from this same jar.
 */
public final class S3ProxyProcess implements AutoCloseable {
    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "bench-access";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "bench-secret";

    private static final String READY = "S3PROXY_PORT=";

    private final Process process;
    private final URI endpoint;

    private S3ProxyProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the server and waits until it accepts requests. */
    public static S3ProxyProcess start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = List.of(
                java.toString(),
                "-Xms6g",
                "-Xmx6g",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                S3ProxyProcess.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(READY)) {
                int port = Integer.parseInt(line.substring(READY.length()).strip());
                drain(reader);
                return new S3ProxyProcess(process, URI.create("http://127.0.0.1:" + port));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not start; its last output: " + line);
    }

    /** Keeps reading the child's output so it never blocks on a full pipe. */
    private static void drain(BufferedReader reader) {
        Thread thread = new Thread(
                () -> {
                    try {
                        while (reader.readLine() != null) {
                            // S3Proxy logs little at WARN; nothing here is needed
                        }
                    } catch (IOException e) {
                        // the child ended
                    }
                },
                "s3proxy-output");
        thread.setDaemon(true);
        thread.start();
    }

    /** The server's base URL. */
    public URI endpoint() {
        return endpoint;
    }

    /** An SDK client pointed at the server, the way a host builds one (path-style, static credentials). */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** A presigner for links to the server's objects. */
    public S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    /** Deletes a bucket and everything in it, so the server's memory holds only the current run's objects. */
    public void deleteBucket(S3Client s3, String bucket) {
        emptyBucket(s3, bucket);
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    /** Deletes everything in a bucket and keeps the bucket. */
    public void emptyBucket(S3Client s3, String bucket) {
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(1000))) {
            var keys = page.contents().stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(
                        b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            }
        }
    }

    /** Stops the server. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The child: serves an in-memory blob store and prints its port. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println(READY + proxy.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
