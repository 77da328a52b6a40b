package org.wispcrm.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3Proxy on a loopback port in a child JVM, keeping objects in files under a temporary directory: an S3 server
 * with its own heap and CPU accounting, so the benchmark's 512 MB heap holds only the benchmark and the PDFs cost
 * what they cost on a real object store's client side. The child runs {@link #main} from this same jar.
 */
public final class S3ProxyProcess implements AutoCloseable {
    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "bench-access";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "bench-secret";

    private static final String READY = "S3PROXY_PORT=";

    private final Process process;
    private final Path directory;
    private final URI endpoint;

    private S3ProxyProcess(Process process, Path directory, URI endpoint) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
    }

    /** Starts the server (heap {@code -Xmx256m}) and waits until it accepts requests. */
    public static S3ProxyProcess start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("wisp-s3proxy-");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = List.of(
                java.toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                S3ProxyProcess.class.getName(),
                directory.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(READY)) {
                int port = Integer.parseInt(line.substring(READY.length()).strip());
                drain(reader);
                return new S3ProxyProcess(process, directory, URI.create("http://127.0.0.1:" + port));
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

    /** Stops the server and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The child: serves {@code args[0]} as a file-backed blob store and prints its port. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(args[0]))
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
