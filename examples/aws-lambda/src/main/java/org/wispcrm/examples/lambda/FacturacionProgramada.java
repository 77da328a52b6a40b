package org.wispcrm.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.dunning.DunningReport;
import org.wispcrm.billing.invoice.BillingRunReport;

/**
 * The daily scheduled job (the seed's {@code FacturacionProgramada}): bills every subscription due on the scheduled
 * day, storing each invoice's PDF in S3 as its chunk commits, then runs dunning for the same day (reminders,
 * overdue notices, late fees, suspensions). The messages go to the outbox; {@link NotificacionService} sends them.
 *
 * <p>The day is the event's {@code time} in the ISP's zone, so a rule firing at 11:00Z bills that day in Bogotá,
 * and invoking the function by hand with {@code {"time": "2026-11-01T11:00:00Z"}} re-runs that day. Running a day
 * twice (a retry, a manual re-run, two regions) bills and queues nothing twice.
 *
 * <p>Handler string: {@code org.wispcrm.examples.lambda.FacturacionProgramada::handleRequest}.
 */
public final class FacturacionProgramada implements RequestHandler<ScheduledEvent, BillingSummary> {
    private static final Logger LOG = LoggerFactory.getLogger(FacturacionProgramada.class);

    private final Supplier<LambdaApp> app;

    /** What the Lambda runtime calls: the container's graph, built from the environment on the first invocation. */
    public FacturacionProgramada() {
        this(LambdaApp::shared);
    }

    /** A handler over a graph the caller builds (tests; a host reusing the handler). */
    public FacturacionProgramada(Supplier<LambdaApp> app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /**
     * Bills and duns the scheduled day.
     *
     * @return what was done, serialized by the runtime as the function's JSON result
     * @throws JobFailedException after both runs, if some customers failed (they are retried by the next run)
     */
    @Override
    public BillingSummary handleRequest(@Nullable ScheduledEvent event, @Nullable Context context) {
        LambdaApp graph = app.get();
        LocalDate day = graph.dayOf(event);
        BillingRunReport billing =
                graph.billing().invoicing().run(day, graph.documents().afterCommit());
        DunningReport dunning = graph.billing().dunning().run(day);
        BillingSummary summary = BillingSummary.of(billing, dunning);
        String json = Json.write(summary);
        if (!summary.succeeded()) {
            LOG.warn("FacturacionProgramada {} for {} finished with failures: {}", requestId(context), day, json);
            throw new JobFailedException("FacturacionProgramada for " + day + " finished with failures: " + json);
        }
        LOG.info("FacturacionProgramada {} for {}: {}", requestId(context), day, json);
        return summary;
    }

    static String requestId(@Nullable Context context) {
        return context == null ? "-" : context.getAwsRequestId();
    }
}
