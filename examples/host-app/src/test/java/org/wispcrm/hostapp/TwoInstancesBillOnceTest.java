package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.hostapp.jobs.ScheduledJobs;

/**
 * Two instances of the app (two Spring contexts, each with its own pool, services and scheduled jobs) on one
 * database run the daily billing and dunning jobs at the same moment: every customer gets exactly one invoice. Then
 * both instances' dispatchers run at once against a WhatsApp (UltraMsg) server on loopback: every outbox message is
 * sent exactly once. H2
 * (a file database) always; MariaDB and PostgreSQL when {@code WISPCRM_MARIADB_URL} / {@code WISPCRM_POSTGRES_URL}
 * are set (skipped otherwise, failed when {@code WISPCRM_REQUIRE_DATABASES=true}).
 */
class TwoInstancesBillOnceTest {
    private static final int CUSTOMERS = 12;

    /** UltraMsg's API on loopback: accepts every message and records it. */
    static final class FakeUltraMsg implements AutoCloseable {
        final HttpServer server;
        final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        private final AtomicInteger ids = new AtomicInteger();

        FakeUltraMsg() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = new HashMap<>();
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        form.put(
                                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                form.put("path", exchange.getRequestURI().getPath());
                received.add(form);
                byte[] answer = ("{\"sent\":\"true\",\"message\":\"ok\",\"id\":" + ids.incrementAndGet() + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void twoInstancesOnOneDatabaseBillTheMonthExactlyOnce(String database) throws Exception {
        String url = urlFor(database);
        var started = new ArrayList<ConfigurableApplicationContext>();
        try (var whatsapp = new FakeUltraMsg()) {
            var a = start(url, whatsapp.url(), started);
            var b = start(url, whatsapp.url(), started);

            WispCrm crm = a.getBean(WispCrm.class);
            String planName = "Dos instancias " + System.nanoTime();
            crm.plans().create(NewPlan.of(planName, 10, 5, Money.of(50_000, "COP")));
            List<CustomerId> ours = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                // a phone, so the invoice notices go out by WhatsApp
                var registered = crm.customers()
                        .register(RegisterCustomer.builder()
                                .fullName("Cliente " + i)
                                .phone(String.format("300 555 %04d", 1000 + i + (database.hashCode() & 0xFF) * 20))
                                .address(Address.of("Calle " + i, "Granada", "CO"))
                                .locale(Locale.forLanguageTag("es-CO"))
                                .firstSubscription(NewSubscription.onPlan(crm.plans()
                                        .findByName(planName)
                                        .orElseThrow()
                                        .id()))
                                .build());
                var order = crm.serviceOrders()
                        .open(OpenServiceOrder.installation(
                                registered.customer().id(),
                                registered.subscription().orElseThrow().id(),
                                "Instalación",
                                null));
                crm.serviceOrders().assignTechnician(order.id(), "Julián");
                crm.serviceOrders().start(order.id());
                crm.serviceOrders().complete(order.id(), "Listo");
                ours.add(registered.customer().id());
            }

            // both instances' jobs fire at the same moment, as their cron would
            var barrier = new CyclicBarrier(2);
            var jobsA = a.getBean(ScheduledJobs.class);
            var jobsB = b.getBean(ScheduledJobs.class);
            var runA = CompletableFuture.runAsync(() -> together(barrier, jobsA));
            var runB = CompletableFuture.runAsync(() -> together(barrier, jobsB));
            CompletableFuture.allOf(runA, runB).get(5, TimeUnit.MINUTES);
            // and a late re-run (a restarted instance) changes nothing
            jobsB.bill();

            var invoices = b.getBean(WispCrm.class).persistence().invoices();
            var numbers = new HashSet<String>();
            for (CustomerId id : ours) {
                List<Invoice> issued = invoices.findByCustomer(id);
                assertThat(issued).as("invoices of customer %s", id).hasSize(1);
                Invoice invoice = issued.get(0);
                assertThat(invoice.total()).isEqualTo(Money.of(59_500, "COP"));
                assertThat(numbers.add(invoice.number().value())).isTrue();
            }

            // both dispatchers at once, a few rounds, as their timers would
            for (int round = 0; round < 3; round++) {
                var roundBarrier = new CyclicBarrier(2);
                CompletableFuture.allOf(
                                CompletableFuture.runAsync(() -> dispatchTogether(roundBarrier, jobsA)),
                                CompletableFuture.runAsync(() -> dispatchTogether(roundBarrier, jobsB)))
                        .get(5, TimeUnit.MINUTES);
            }
            // one request per message (a chat, or each document of it): never the same one twice
            var references = whatsapp.received.stream()
                    .map(m -> m.get("referenceId") + " " + m.get("path") + " " + m.get("filename"))
                    .toList();
            assertThat(references).as("WhatsApp messages sent").isNotEmpty();
            assertThat(references).as("each outbox message sent once").doesNotHaveDuplicates();
            for (String number : numbers) {
                assertThat(whatsapp.received.stream()
                                .filter(m -> String.valueOf(m.get("body")).contains(number)
                                        || String.valueOf(m.get("caption")).contains(number))
                                .map(m -> m.get("to"))
                                .distinct()
                                .count())
                        .as("recipients told of invoice %s", number)
                        .isEqualTo(1);
            }
        } finally {
            for (var context : started) {
                context.close();
            }
        }
    }

    private static void together(CyclicBarrier barrier, ScheduledJobs jobs) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jobs.bill();
        jobs.dun();
    }

    private static void dispatchTogether(CyclicBarrier barrier, ScheduledJobs jobs) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jobs.dispatch();
    }

    private static ConfigurableApplicationContext start(
            String url, String whatsappUrl, List<ConfigurableApplicationContext> started) {
        // command-line arguments: they outrank application.yml (builder properties would not)
        var context = new SpringApplicationBuilder(HostApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--wispcrm.admin.password=two-instances-admin",
                        "--wispcrm.storage.local-dir=target/two-instances-documents",
                        // the jobs exist as in production, but fire only when this test calls them
                        "--wispcrm.scheduling.billing-cron=-",
                        "--wispcrm.scheduling.dunning-cron=-",
                        "--wispcrm.scheduling.dispatch-interval=1h",
                        "--wispcrm.ultramsg.instanceId=instance1",
                        "--wispcrm.ultramsg.token=test-token",
                        "--wispcrm.ultramsg.baseUrl=" + whatsappUrl);
        started.add(context);
        return context;
    }

    private static String urlFor(String database) {
        if (database.equals("h2")) {
            Path file = Path.of("target", "two-instances", "db-" + System.nanoTime())
                    .toAbsolutePath();
            return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000";
        }
        String variable = database.equals("mariadb") ? "WISPCRM_MARIADB_URL" : "WISPCRM_POSTGRES_URL";
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            String message = database + " run needs " + variable + "; set it to run against that server";
            if ("true".equalsIgnoreCase(System.getenv("WISPCRM_REQUIRE_DATABASES"))) {
                fail(message + " (WISPCRM_REQUIRE_DATABASES=true)");
            }
            Assumptions.abort(message);
        }
        return url;
    }
}
