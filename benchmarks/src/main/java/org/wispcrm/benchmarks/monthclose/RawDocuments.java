package org.wispcrm.benchmarks.monthclose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.wispcrm.benchmarks.dispatch.Workers;
import org.wispcrm.benchmarks.pdf.RawOpenPdfPage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The PDF stage's floor: the invoice's page written with OpenPDF directly ({@link RawOpenPdfPage}, two service
 * lines, the same paper, fonts and tables as the invoice renderer) and its bytes stored with no library in between,
 * {@code n} times from {@code threads} threads: to disk with one {@code Files.write} per file in the same folder
 * layout as the library's ({@code invoices/2026/11/...}) and one {@code sync -f} at the end, or to S3 with one
 * {@code PutObject} per file on the same SDK client the library uses. No database work: the library also records
 * each document's key on its invoice, which is part of what it costs over this.
 */
final class RawDocuments {
    /** The invoices of the workload have two lines (the month, and the cash rounding). */
    private static final int LINES = 2;

    private final RawOpenPdfPage page = new RawOpenPdfPage("standard", LINES);

    /** A place the baseline writes a document to. */
    @FunctionalInterface
    interface Sink {
        void put(String key, byte[] pdf) throws IOException;
    }

    /** Renders and stores {@code n} documents from {@code threads} threads; returns the bytes written. */
    long run(int n, int threads, Sink sink) throws Exception {
        var next = new AtomicInteger();
        var bytes = new java.util.concurrent.atomic.LongAdder();
        Workers.run(threads, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                byte[] pdf = page.render();
                sink.put(String.format(Locale.ROOT, "invoices/2026/11/RAW-%07d.pdf", i + 1), pdf);
                bytes.add(pdf.length);
            }
        });
        return bytes.sum();
    }

    /**
     * Renders and writes {@code n} documents under {@code root}, then has the file system write them out (coreutils
     * {@code sync -f}): the raw way to get a batch of files onto the disk, where the library's documents are when it
     * records their keys. Without it the baseline would stop with its files still in the page cache, and the next
     * run's {@code fsync}s would pay for writing them back.
     */
    long runToDisk(int n, int threads, Path root) throws Exception {
        long bytes = run(n, threads, disk(root));
        syncFileSystem(root);
        return bytes;
    }

    /** Writes out everything the file system holding {@code path} has in its page cache ({@code sync -f}). */
    static void syncFileSystem(Path path) throws IOException, InterruptedException {
        Process sync =
                new ProcessBuilder("sync", "-f", path.toString()).inheritIO().start();
        if (sync.waitFor() != 0) {
            throw new IOException("sync -f " + path + " exited with " + sync.exitValue());
        }
    }

    /** A sink writing files under {@code root}, creating the folders once. */
    static Sink disk(Path root) throws IOException {
        Files.createDirectories(root.resolve("invoices/2026/11"));
        return (key, pdf) -> Files.write(root.resolve(key), pdf);
    }

    /** A sink putting objects into {@code bucket}. */
    static Sink s3(S3Client s3, String bucket) {
        return (key, pdf) -> s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType("application/pdf")
                        .contentLength((long) pdf.length)
                        .build(),
                RequestBody.fromBytes(pdf));
    }
}
