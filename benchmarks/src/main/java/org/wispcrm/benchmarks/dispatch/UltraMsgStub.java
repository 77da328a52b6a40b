package org.wispcrm.benchmarks.dispatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for UltraMsg on loopback ({@link HttpServer} with a fixed thread pool): it answers {@code POST
 * /{instance}/messages/chat} and {@code POST /{instance}/messages/document} at once with {@code {"sent":"true","message":"ok","id":N}} and counts requests per
 * {@code referenceId} (the notification id), so a run can tell whether a message arrived twice or never.
 * A request with a wrong token or without {@code to}, {@code referenceId} and the text ({@code body}; for a document,
 * {@code filename} and {@code document}, a link or base64) is answered as UltraMsg answers a refusal ({@code "sent":"false"}) and counted as malformed.
 */
public final class UltraMsgStub implements AutoCloseable {
    /** The instance id in the stub's paths. */
    public static final String INSTANCE = "instance4711";
    /** The token the stub accepts. */
    public static final String TOKEN = "bench-token-not-a-secret";

    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Map<String, AtomicInteger> byReference = new ConcurrentHashMap<>();

    private UltraMsgStub(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts the stub on an ephemeral loopback port with {@code threads} handler threads. */
    public static UltraMsgStub start(int threads) throws IOException {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the client's delayed ACK
        // holds every keep-alive answer back about 40 ms. Read once, when the server classes first load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        var counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            var thread = new Thread(r, "ultramsg-stub-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        var stub = new UltraMsgStub(server, pool);
        server.createContext("/" + INSTANCE + "/messages/chat", exchange -> stub.handle(exchange, "body"));
        server.createContext("/" + INSTANCE + "/messages/document", exchange -> stub.handle(exchange, "document"));
        server.setExecutor(pool);
        server.start();
        return stub;
    }

    /** The base URL to configure the channel with ({@code ultramsg.baseUrl}). */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Answers a request whose essential field is {@code content} (the text, or the document). */
    private void handle(HttpExchange exchange, String content) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            Map<String, String> form = parseForm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String reference = form.get("referenceId");
            boolean valid = "POST".equals(exchange.getRequestMethod())
                    && TOKEN.equals(form.get("token"))
                    && form.getOrDefault("to", "").startsWith("+")
                    && !form.getOrDefault(content, "").isBlank()
                    && (content.equals("body")
                            || !form.getOrDefault("filename", "").isBlank())
                    && reference != null;
            String answer;
            if (valid) {
                byReference.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
                answer = "{\"sent\":\"true\",\"message\":\"ok\",\"id\":" + ids.incrementAndGet() + "}";
            } else {
                malformed.incrementAndGet();
                answer = "{\"sent\":\"false\",\"message\":\"malformed request\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> parseForm(String body) {
        var form = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** What arrived since the last reset: request count per reference, and malformed requests. */
    public Received received() {
        var counts = new HashMap<String, Integer>();
        byReference.forEach((reference, count) -> counts.put(reference, count.get()));
        return new Received(Map.copyOf(counts), malformed.get());
    }

    /** Forgets every request counted so far. */
    public void reset() {
        byReference.clear();
        malformed.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests per reference id and malformed requests. */
    public record Received(Map<String, Integer> byReference, long malformed) {
        /** Every well-formed request. */
        public long requests() {
            return byReference.values().stream().mapToLong(Integer::longValue).sum();
        }
    }
}
