package org.wispcrm.examples.quickstart;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.dunning.DunningReport;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.core.notification.dispatch.DispatchReport;

/** What a quickstart run did, filled in stage by stage, and the table printed at the end. */
final class Summary {
    final QuickstartRun.Options options;
    final String ispName;

    boolean existingIsp;
    long customers;
    int newcomers;

    @Nullable
    LocalDate newcomersFrom;

    @Nullable
    LocalDate newcomersTo;

    @Nullable
    String planChangeNote;

    long previousInvoices;

    @Nullable
    PdfCount setupPdfs;

    long setupMessagesSent;
    long setupMessagesDead;

    final Payments payments = new Payments();

    @Nullable
    DunningReport dunning;

    long suspendedCustomers;
    long invoicesOnRunDate;

    @Nullable
    LocalDate runDate;

    @Nullable
    BillingRunReport billing;

    final Map<String, String> skippedStages = new LinkedHashMap<>();

    @Nullable
    PdfCount pdfs;

    long pdfsStored;

    @Nullable
    Path pdfFolder;

    @Nullable
    DispatchReport messages;

    long whatsAppSent;
    long emailSent;

    @Nullable
    Path outboxFolder;

    @Nullable
    Overdue overdue;

    final Map<String, Duration> stages = new LinkedHashMap<>();
    Duration total = Duration.ZERO;

    Summary(QuickstartRun.Options options, String ispName) {
        this.options = options;
        this.ispName = ispName;
    }

    /** Whether every customer was billed and dunned. */
    boolean succeeded() {
        return billing != null
                && billing.succeeded()
                && (dunning == null || dunning.failures().isEmpty());
    }

    /** Prints the table. */
    void print(PrintStream out) {
        BillingRunReport report = billing;
        out.println();
        out.println("WISP CRM quickstart: " + ispName + ", " + options.month() + " (billing date " + runDate + ")");
        out.println();
        if (existingIsp) {
            row(out, "Customers", customers + " (demo ISP already in the database; set-up skipped)");
        } else {
            row(
                    out,
                    "Customers",
                    customers
                            + (newcomers > 0
                                    ? " (" + newcomers + " installed mid-month, " + newcomersFrom + " to " + newcomersTo
                                            + ")"
                                    : ""));
            if (planChangeNote != null) {
                row(out, "Plan change", planChangeNote);
            }
            row(
                    out,
                    "Last month",
                    previousInvoices + " invoices for " + options.month().minusMonths(1) + ", "
                            + (setupPdfs == null ? 0 : setupPdfs.rendered()) + " PDFs, " + setupMessagesSent
                            + " messages sent, " + setupMessagesDead + " dead-lettered");
        }
        if (report != null) {
            long alreadyBilled = invoicesOnRunDate - report.invoiced();
            long nothingToBill = customers - invoicesOnRunDate;
            row(
                    out,
                    "Invoices issued",
                    report.invoiced() + " new invoices, " + alreadyBilled + " already billed"
                            + (nothingToBill > 0 ? ", " + nothingToBill + " with nothing to bill" : "")
                            + (report.failures().isEmpty()
                                    ? ""
                                    : ", " + report.failures().size() + " FAILED"));
            row(out, "Total invoiced", amounts(report.totals()));
        }
        if (existingIsp) {
            row(out, "Payments", "none new (recorded when the demo ISP was set up)");
        } else {
            row(
                    out,
                    "Payments",
                    payments.count() + " in " + options.month().minusMonths(1) + ", " + amounts(payments.total)
                            + " (" + payments.onTime + " on time, " + payments.late + " late, " + payments.partial
                            + " partial)");
        }
        if (overdue != null) {
            row(out, "Overdue", overdue.invoices() + " invoices, " + amounts(overdue.due()) + " due");
        }
        if (dunning != null) {
            row(
                    out,
                    "Suspended",
                    suspendedCustomers + " customers (" + dunning.suspensions() + " by today's dunning run)");
            row(
                    out,
                    "Dunning",
                    dunning.overdueNotices() + " overdue notices, " + dunning.reminders() + " reminders, "
                            + dunning.lateFees() + " late fees (billed with the next invoice)"
                            + (dunning.failures().isEmpty()
                                    ? ""
                                    : ", " + dunning.failures().size() + " FAILED"));
        }
        if (messages != null) {
            row(
                    out,
                    "Messages sent",
                    messages.sent() + " (" + whatsAppSent + " WhatsApp, " + emailSent + " email)"
                            + (messages.retried() > 0 ? ", " + messages.retried() + " to retry" : ""));
            row(
                    out,
                    "Dead-lettered",
                    messages.deadLettered()
                            + (messages.deadLettered() > 0 ? " (no channel reaches the customer)" : ""));
        }
        out.println();
        out.println("  Files");
        if (pdfs != null) {
            row(out, "  PDFs", pdfFolder + "  (" + pdfs.rendered() + " new, " + pdfsStored + " in all)");
        }
        row(out, "  Outbox", outboxFolder + "  (whatsapp/*.txt, email/*.eml)");
        row(out, "  Database", safeUrl(options.databaseUrl()));
        out.println();
        out.println("  Stage times");
        for (Map.Entry<String, Duration> stage : stages.entrySet()) {
            row(out, "  " + stage.getKey(), seconds(stage.getValue()));
        }
        for (Map.Entry<String, String> skipped : skippedStages.entrySet()) {
            row(out, "  " + skipped.getKey(), "not run: " + skipped.getValue());
        }
        row(out, "  Total", seconds(total));
        if (report != null && report.invoiced() == 0 && invoicesOnRunDate > 0) {
            out.println();
            out.println(options.month() + " was already billed: 0 new invoices, " + invoicesOnRunDate
                    + " already billed. Nothing was billed twice.");
        }
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-26s %s", label, value));
    }

    /** Sums per currency: {@code COP 98,456,000}; whole amounts print without decimals. */
    static String amounts(Map<String, MonetaryAmount> totals) {
        if (totals.isEmpty()) {
            return "nothing new";
        }
        var joiner = new StringJoiner(", ");
        for (Map.Entry<String, MonetaryAmount> total : totals.entrySet()) {
            joiner.add(total.getKey() + " " + amount(total.getValue()));
        }
        return joiner.toString();
    }

    static String amount(MonetaryAmount amount) {
        BigDecimal value = amount.getNumber().numberValue(BigDecimal.class);
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        var format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(whole ? value.setScale(0, RoundingMode.UNNECESSARY) : value);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** The URL without a password given as a parameter. */
    static String safeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Last month's payments, by how they came. */
    static final class Payments {
        long onTime;
        long late;
        long partial;
        final Map<String, MonetaryAmount> total = new TreeMap<>();

        void add(QuickstartRun.Kind kind, MonetaryAmount amount) {
            switch (kind) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case PARTIAL -> partial++;
            }
            total.merge(amount.getCurrency().getCurrencyCode(), amount, MonetaryAmount::add);
        }

        long count() {
            return onTime + late + partial;
        }
    }

    /**
     * PDFs of one stage.
     *
     * @param rendered rendered and stored now
     * @param alreadyStored found stored from an earlier run
     */
    record PdfCount(long rendered, long alreadyStored) {}

    /**
     * Open invoices past their due date.
     *
     * @param invoices how many
     * @param due their balances by currency
     */
    record Overdue(long invoices, Map<String, MonetaryAmount> due) {}
}
