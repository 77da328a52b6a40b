package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.hostapp.api.Operations;
import org.wispcrm.hostapp.jobs.ScheduledJobs;

/**
 * Two instances of the app (two Spring contexts, each with its own pool, services and scheduled jobs) on one
 * database run the daily billing and dunning jobs at the same moment: every customer gets exactly one invoice. H2
 * (a file database) always; MariaDB and PostgreSQL when {@code WISPCRM_MARIADB_URL} / {@code WISPCRM_POSTGRES_URL}
 * are set (skipped otherwise, failed when {@code WISPCRM_REQUIRE_DATABASES=true}).
 */
class TwoInstancesBillOnceTest {
    private static final int CUSTOMERS = 12;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb", "postgresql"})
    void twoInstancesOnOneDatabaseBillTheMonthExactlyOnce(String database) throws Exception {
        String url = urlFor(database);
        var started = new ArrayList<ConfigurableApplicationContext>();
        try {
            var a = start(url, started);
            var b = start(url, started);

            WispCrm crm = a.getBean(WispCrm.class);
            String planName = "Dos instancias " + System.nanoTime();
            crm.plans().create(NewPlan.of(planName, 10, 5, Money.of(50_000, "COP")));
            var ops = a.getBean(Operations.class);
            List<CustomerId> ours = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                ours.add(ops.registerFromSeed("Cliente " + i, null, planName, "Calle " + i)
                        .customer()
                        .id());
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

    private static ConfigurableApplicationContext start(String url, List<ConfigurableApplicationContext> started) {
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
                        "--wispcrm.scheduling.dispatch-interval=1h");
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
