package org.wispcrm.hostapp.jobs;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.hostapp.config.LibraryConfiguration.Dispatch;

/**
 * Billing and dunning once a day, the notification dispatcher every few seconds. Every instance runs them: the
 * library makes that safe (one invoice per subscription and period by a unique key, each dunning step recorded once
 * per invoice, outbox rows claimed under a lease), so there is no leader election to get wrong.
 * {@code wispcrm.scheduling.enabled=false} turns them off (for example when AWS Lambda runs the jobs).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wispcrm.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class ScheduledJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final Billing billing;
    private final DocumentService documents;
    private final Dispatch dispatch;
    private final Clock clock;

    /** Over the library's services. */
    public ScheduledJobs(Billing billing, DocumentService documents, Dispatch dispatch, Clock clock) {
        this.billing = billing;
        this.documents = documents;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** Bills every subscription due today, then renders any PDF an earlier run could not store. */
    @Scheduled(cron = "${wispcrm.scheduling.billing-cron}", zone = "${wispcrm.zone}")
    public void bill() {
        LocalDate today = LocalDate.now(clock);
        var report = billing.invoicing().run(today, documents.afterCommit());
        LOG.info(
                "Billing run {}: {} invoiced, {} already billed, {} failed",
                today,
                report.invoiced(),
                report.alreadyBilled(),
                report.failures().size());
        var pdfs = documents.renderMissing(today.minusDays(31));
        LOG.info("PDFs rendered after the run: {}", pdfs);
    }

    /** Reminders, late fees and suspensions for today. */
    @Scheduled(cron = "${wispcrm.scheduling.dunning-cron}", zone = "${wispcrm.zone}")
    public void dun() {
        var report = billing.dunning().run(LocalDate.now(clock));
        LOG.info(
                "Dunning {}: {} reminders, {} notices, {} late fees, {} suspensions",
                report.date(),
                report.reminders(),
                report.overdueNotices(),
                report.lateFees(),
                report.suspensions());
    }

    /** Sends due notifications. */
    @Scheduled(fixedDelayString = "${wispcrm.scheduling.dispatch-interval}", initialDelayString = "10s")
    public void dispatch() {
        dispatch.get().ifPresent(d -> {
            var report = d.dispatchDue();
            if (report.handled() > 0) {
                LOG.info("Dispatched notifications: {}", report);
            }
        });
    }
}
