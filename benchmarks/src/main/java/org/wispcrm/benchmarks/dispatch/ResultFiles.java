package org.wispcrm.benchmarks.dispatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.wispcrm.benchmarks.dispatch.DispatchBenchmark.Options;
import org.wispcrm.benchmarks.dispatch.DispatchBenchmark.PhaseResult;

/** Writes a run's results as {@code results.csv} (one row per phase) and {@code results.json}. */
final class ResultFiles {
    private ResultFiles() {}

    static void write(Path directory, Options options, String machine, String database, List<PhaseResult> results)
            throws IOException {
        Files.createDirectories(directory);
        var csv = new StringBuilder("round,phase,threads,messages,seconds,msg_per_s,jvm_cpu_ms_per_msg,"
                + "db_cpu_ms_per_msg,load_before,load_after,rows_sent,rows_claimed_once,stub_requests,"
                + "duplicates,missing,unexpected,correct,finished_at\n");
        var json = new StringBuilder("{\n  \"benchmark\": \"notification-dispatch\",\n");
        json.append("  \"machine\": ").append(quote(machine)).append(",\n");
        json.append("  \"database\": ").append(quote(database)).append(",\n");
        json.append("  \"options\": ").append(quote(options.toString())).append(",\n");
        json.append("  \"phases\": [\n");
        for (int i = 0; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            var rows = r.rows();
            var deliveries = r.deliveries();
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%s,%d,%d,%.3f,%.1f,%.4f,%.4f,%.2f,%.2f,%s,%s,%s,%s,%s,%s,%s,%s%n",
                    r.round(),
                    r.phase(),
                    r.threads(),
                    r.messages(),
                    r.seconds(),
                    r.perSecond(),
                    r.jvmCpuMsPerMessage(),
                    r.dbCpuMsPerMessage(),
                    r.loadBefore(),
                    r.loadAfter(),
                    rows == null ? "" : rows.sent(),
                    rows == null ? "" : rows.sentFirstAttempt(),
                    deliveries == null ? "" : deliveries.requests(),
                    deliveries == null ? "" : deliveries.duplicates(),
                    deliveries == null ? "" : deliveries.missing(),
                    deliveries == null ? "" : deliveries.unexpected(),
                    r.correct(),
                    r.finishedAt()));
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"round\": %d, \"phase\": %s, \"threads\": %d, \"messages\": %d, \"seconds\": %.3f,"
                            + " \"msgPerSecond\": %.1f, \"jvmCpuMsPerMessage\": %.4f, \"dbCpuMsPerMessage\": %.4f,"
                            + " \"loadBefore\": %.2f, \"loadAfter\": %.2f, \"rowsSent\": %s, \"rowsClaimedOnce\": %s,"
                            + " \"stubRequests\": %s, \"duplicates\": %s, \"missing\": %s, \"unexpected\": %s,"
                            + " \"correct\": %s, \"finishedAt\": %s}%s%n",
                    r.round(),
                    quote(r.phase()),
                    r.threads(),
                    r.messages(),
                    r.seconds(),
                    r.perSecond(),
                    r.jvmCpuMsPerMessage(),
                    r.dbCpuMsPerMessage(),
                    r.loadBefore(),
                    r.loadAfter(),
                    rows == null ? "null" : rows.sent(),
                    rows == null ? "null" : rows.sentFirstAttempt(),
                    deliveries == null ? "null" : deliveries.requests(),
                    deliveries == null ? "null" : deliveries.duplicates(),
                    deliveries == null ? "null" : deliveries.missing(),
                    deliveries == null ? "null" : deliveries.unexpected(),
                    r.correct(),
                    quote(r.finishedAt().toString()),
                    i + 1 < results.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        Files.writeString(directory.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("results.json"), json, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        var quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
