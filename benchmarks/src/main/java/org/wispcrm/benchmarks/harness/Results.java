package org.wispcrm.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a benchmark run with the machine they ran on, written as CSV and JSON (for tools, and for a later
 * plot) and as a Markdown table (for docs/performance.md).
 */
public final class Results {
    private final String benchmark;
    private final Machine machine;
    private final OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<ResultRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Empty results of a benchmark on this machine. */
    public Results(String benchmark, Machine machine) {
        this.benchmark = benchmark;
        this.machine = machine;
    }

    /** Adds a line of free text (settings, what changed) to the report. */
    public synchronized void note(String text) {
        notes.add(text);
    }

    /** Adds a row. */
    public synchronized void add(ResultRow row) {
        rows.add(row);
    }

    /**
     * Sets every non-baseline row's ratio to the mean time of the baseline rows with the same database, N and
     * stage.
     */
    public synchronized void computeRatios() {
        for (int i = 0; i < rows.size(); i++) {
            ResultRow row = rows.get(i);
            if (row.baseline()) {
                continue;
            }
            double baseline = rows.stream()
                    .filter(r -> r.baseline()
                            && r.database().equals(row.database())
                            && r.n() == row.n()
                            && r.stage().equals(row.stage()))
                    .mapToDouble(r -> r.measurement().seconds())
                    .average()
                    .orElse(Double.NaN);
            rows.set(i, row.withRatio(baseline));
        }
    }

    /** The rows so far. */
    public synchronized List<ResultRow> rows() {
        return List.copyOf(rows);
    }

    /** The machine. */
    public Machine machine() {
        return machine;
    }

    /** When the run started. */
    public OffsetDateTime started() {
        return started;
    }

    /** Writes {@code <name>.csv}, {@code <name>.json} and {@code <name>.md} into {@code directory}. */
    public synchronized void write(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name + ".csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(name + ".json"), json(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(name + ".md"), markdown(), StandardCharsets.UTF_8);
    }

    /** One header line and a line per row. */
    public synchronized String csv() {
        var out = new StringBuilder(
                "benchmark,started,database,n,stage,variant,baseline,seconds,items_per_second,"
                        + "ratio,peak_heap_mb,peak_live_heap_mb,gc_count,gc_ms,rows_written,load_average,jvm_cpu_seconds,jit_ms\n");
        for (ResultRow r : rows) {
            Measurement m = r.measurement();
            out.append(String.join(
                            ",",
                            benchmark,
                            started.toString(),
                            r.database(),
                            Integer.toString(r.n()),
                            r.stage(),
                            r.variant(),
                            Boolean.toString(r.baseline()),
                            fmt("%.3f", m.seconds()),
                            fmt("%.0f", r.itemsPerSecond()),
                            Double.isNaN(r.ratio()) ? "" : fmt("%.2f", r.ratio()),
                            Long.toString(m.peakHeapBytes() >> 20),
                            Long.toString(m.peakLiveHeapBytes() >> 20),
                            Long.toString(m.gcCount()),
                            Long.toString(m.gcMillis()),
                            Long.toString(r.rowsWritten()),
                            fmt("%.2f", m.loadAverage()),
                            fmt("%.3f", m.cpuSeconds()),
                            Long.toString(m.jitMillis())))
                    .append('\n');
        }
        return out.toString();
    }

    /** A JSON object with the machine and the rows. */
    public synchronized String json() {
        var out = new StringBuilder("{\n");
        out.append("  \"benchmark\": \"").append(benchmark).append("\",\n");
        out.append("  \"started\": \"").append(started).append("\",\n");
        out.append("  \"machine\": {\"cores\": ")
                .append(machine.cores())
                .append(", \"memoryBytes\": ")
                .append(machine.memoryBytes())
                .append(", \"os\": \"")
                .append(machine.os())
                .append("\", \"java\": \"")
                .append(machine.java())
                .append("\", \"maxHeapBytes\": ")
                .append(machine.maxHeapBytes())
                .append("},\n  \"notes\": [");
        for (int i = 0; i < notes.size(); i++) {
            out.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(jsonText(notes.get(i)))
                    .append('"');
        }
        out.append("],\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            ResultRow r = rows.get(i);
            Measurement m = r.measurement();
            out.append("    {\"database\": \"")
                    .append(r.database())
                    .append("\", \"n\": ")
                    .append(r.n())
                    .append(", \"stage\": \"")
                    .append(r.stage())
                    .append("\", \"variant\": \"")
                    .append(r.variant())
                    .append("\", \"baseline\": ")
                    .append(r.baseline())
                    .append(", \"seconds\": ")
                    .append(fmt("%.3f", m.seconds()))
                    .append(", \"itemsPerSecond\": ")
                    .append(fmt("%.0f", r.itemsPerSecond()))
                    .append(", \"ratio\": ")
                    .append(Double.isNaN(r.ratio()) ? "null" : fmt("%.3f", r.ratio()))
                    .append(", \"peakHeapBytes\": ")
                    .append(m.peakHeapBytes())
                    .append(", \"peakLiveHeapBytes\": ")
                    .append(m.peakLiveHeapBytes())
                    .append(", \"gcCount\": ")
                    .append(m.gcCount())
                    .append(", \"gcMillis\": ")
                    .append(m.gcMillis())
                    .append(", \"rowsWritten\": ")
                    .append(r.rowsWritten())
                    .append(", \"loadAverage\": ")
                    .append(fmt("%.2f", m.loadAverage()))
                    .append(", \"jvmCpuSeconds\": ")
                    .append(fmt("%.3f", m.cpuSeconds()))
                    .append(", \"jitMillis\": ")
                    .append(m.jitMillis())
                    .append('}')
                    .append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    /** A Markdown table of the rows, preceded by the date and machine. */
    public synchronized String markdown() {
        var out = new StringBuilder();
        out.append("Run ")
                .append(started)
                .append(" on ")
                .append(machine.describe())
                .append(".\n\n");
        for (String note : notes) {
            out.append(note).append("\n\n");
        }
        out.append("| database | N | stage | variant | seconds | items/s | ratio | peak heap MB | peak live heap MB "
                + "| GCs (ms) | rows written | load avg | JVM CPU s | JIT ms |\n");
        out.append("|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ResultRow r : rows) {
            Measurement m = r.measurement();
            out.append("| ")
                    .append(String.join(
                            " | ",
                            r.database(),
                            fmt("%,d", r.n()),
                            r.stage(),
                            r.variant(),
                            fmt("%.2f", m.seconds()),
                            fmt("%,.0f", r.itemsPerSecond()),
                            Double.isNaN(r.ratio()) ? "baseline" : fmt("%.2fx", r.ratio()),
                            Long.toString(m.peakHeapBytes() >> 20),
                            Long.toString(m.peakLiveHeapBytes() >> 20),
                            m.gcCount() + " (" + m.gcMillis() + ")",
                            fmt("%,d", r.rowsWritten()),
                            fmt("%.1f", m.loadAverage()),
                            fmt("%.2f", m.cpuSeconds()),
                            Long.toString(m.jitMillis())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String fmt(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
