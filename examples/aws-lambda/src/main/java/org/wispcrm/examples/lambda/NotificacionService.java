package org.wispcrm.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.document.store.DocumentRunReport;
import org.wispcrm.core.notification.dispatch.DispatchReport;

/**
 * The frequent scheduled job (the seed's {@code NotificacionService}): one pass of the notification dispatcher.
 * First it renders the PDFs still missing for recent invoices ({@code PDF_LOOKBACK_DAYS}), since an invoice message
 * waits for its attachment; then it claims every due outbox message and sends it over WhatsApp (UltraMsg) or email,
 * recording the outcome. Transient failures come back in a later pass with backoff; nothing is sent twice, because
 * each message is claimed by one pass and marked sent.
 *
 * <p>Keep the function's timeout below the dispatcher's claim lease (5 minutes) so a pass never outlives its claims.
 *
 * <p>Handler string: {@code org.wispcrm.examples.lambda.NotificacionService::handleRequest}.
 */
public final class NotificacionService implements RequestHandler<ScheduledEvent, DispatchSummary> {
    private static final Logger LOG = LoggerFactory.getLogger(NotificacionService.class);

    private final Supplier<LambdaApp> app;

    /** What the Lambda runtime calls: the container's graph, built from the environment on the first invocation. */
    public NotificacionService() {
        this(LambdaApp::shared);
    }

    /** A handler over a graph the caller builds (tests; a host reusing the handler). */
    public NotificacionService(Supplier<LambdaApp> app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /** Time a batch of sends may take after the last claim: stop claiming this long before the Lambda times out. */
    private static final Duration LAST_BATCH_ALLOWANCE = Duration.ofSeconds(60);

    /** What is left of the invocation minus one batch's allowance; no budget outside the Lambda runtime. */
    static @Nullable Duration budget(@Nullable Context context) {
        if (context == null) {
            return null;
        }
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(LAST_BATCH_ALLOWANCE);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Renders missing PDFs, then sends what is due, claiming no new batch when the invocation is nearly out of time.
     *
     * @return what was done, serialized by the runtime as the function's JSON result
     */
    @Override
    public DispatchSummary handleRequest(@Nullable ScheduledEvent event, @Nullable Context context) {
        LambdaApp graph = app.get();
        LocalDate since = graph.dayOf(event).minusDays(graph.settings().pdfLookbackDays());
        DocumentRunReport documents = graph.documents().renderMissing(since);
        DispatchReport dispatch = graph.dispatcher().dispatchDue(budget(context));
        DispatchSummary summary = DispatchSummary.of(documents, dispatch);
        LOG.info("NotificacionService {}: {}", FacturacionProgramada.requestId(context), Json.write(summary));
        return summary;
    }
}
