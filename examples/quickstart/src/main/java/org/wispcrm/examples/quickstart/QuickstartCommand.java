package org.wispcrm.examples.quickstart;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The quickstart's command line: {@code java -jar wispcrm-quickstart.jar [--customers N] [--month YYYY-MM]
 * [--db JDBC-URL] [--out DIR]}. Exit codes: 0 when the month was billed (or found already billed), 1 when
 * something failed, 2 for bad options.
 */
@Command(
        name = "wispcrm-quickstart",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Creates a demo wireless ISP (ConectaLlanos, Colombia) with last month's history, then bills a month:"
                    + " invoices, PDFs on local disk, and WhatsApp and email messages written to an outbox folder.",
            "Running it again for the same month bills nothing twice."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the month was billed", "1:something failed", "2:bad options"})
public final class QuickstartCommand implements Callable<Integer> {

    @Option(
            names = "--customers",
            paramLabel = "N",
            defaultValue = "1000",
            description = "customers of a new demo ISP (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(
            names = "--month",
            paramLabel = "YYYY-MM",
            converter = MonthConverter.class,
            description = "the month to bill (default: the current month)")
    @Nullable
    YearMonth month;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description =
                    "database to use instead of the H2 file under --out, e.g."
                            + " jdbc:mariadb://127.0.0.1:3306/wisp?user=root or jdbc:postgresql://127.0.0.1:5432/wisp?user=postgres")
    @Nullable
    String db;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "wispcrm-quickstart-out",
            description = "folder for the H2 database, the PDFs and the outbox (default: ${DEFAULT-VALUE})")
    Path out = Path.of("wispcrm-quickstart-out");

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Spec
    @Nullable
    CommandSpec spec;

    // Moneta logs its configuration through java.util.logging at INFO; held here so the setting is not collected.
    private static final Logger MONETA_LOG = Logger.getLogger("org.javamoney.moneta");

    static {
        MONETA_LOG.setLevel(Level.WARNING);
    }

    private final PrintStream stdout;
    private final boolean terminal;

    private QuickstartCommand(PrintStream stdout, boolean terminal) {
        this.stdout = stdout;
        this.terminal = terminal;
    }

    /** Runs the quickstart and exits with its code. */
    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging: send it to SLF4J, which is quiet below warnings.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the quickstart in this JVM with plain progress lines (no bar), for tests and embedding.
     *
     * @return the exit code: 0 done, 1 failed, 2 bad options
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        var commandLine = new CommandLine(new QuickstartCommand(out, terminal));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr()
                    .println("wispcrm-quickstart: " + e.getMessage().replaceAll("\\s*\\R\\s*", " ") + " (see --help)");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, failed, ignored) -> {
            failed.getErr().println("wispcrm-quickstart: failed: " + oneLine(e));
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        if (customers < 1) {
            throw new ParameterException(
                    spec().commandLine(),
                    "Invalid value for option '--customers': must be 1 or more, was " + customers);
        }
        YearMonth billed = month != null ? month : YearMonth.now(DemoIsp.ZONE);
        var options = new QuickstartRun.Options(customers, billed, db, out);
        Summary summary = new QuickstartRun(options, stdout, Progress.on(stdout, terminal)).run();
        summary.print(stdout);
        return summary.succeeded() ? 0 : 1;
    }

    private CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        return spec;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Reads {@code 2026-11}; anything else is a usage error naming the expected form. */
    static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a month as YYYY-MM, such as 2026-11, got '" + value + "'");
            }
        }
    }
}
