package org.wispcrm.examples.quickstart;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a stage is: a progress bar on a terminal, plain log lines (at most one per tenth of the work)
 * when the output goes to a file or a pipe, where a bar's carriage returns would only make noise.
 */
interface Progress extends AutoCloseable {

    /** {@code done} of the stage's units are done. */
    void stepTo(long done);

    /** The stage is over. */
    @Override
    void close();

    /** Makes progress displays for one run. */
    interface Factory {
        /** A display for a stage of {@code total} units (customers, PDFs, messages). */
        Progress start(String task, long total, String unit);
    }

    /** Bars on a terminal, lines otherwise. */
    static Factory on(PrintStream out, boolean terminal) {
        return terminal
                ? (task, total, unit) -> new Bar(out, task, total, unit)
                : (task, total, unit) -> new Lines(out, task, total, unit);
    }

    /** A me.tongfei progress bar. */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(PrintStream out, String task, long total, String unit) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName(String.format("%-16s", task))
                    .setInitialMax(total)
                    .setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .continuousUpdate()
                    .build();
        }

        @Override
        public void stepTo(long done) {
            bar.stepTo(done);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Plain lines: {@code Billing 2026-11: 400/1000 customers}. */
    final class Lines implements Progress {
        private final PrintStream out;
        private final String task;
        private final long total;
        private final String unit;
        private long lastPrinted = -1;
        private long done;

        Lines(PrintStream out, String task, long total, String unit) {
            this.out = out;
            this.task = task;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void stepTo(long value) {
            done = value;
            long step = Math.max(1, total / 10);
            if (lastPrinted < 0 || done - lastPrinted >= step || done >= total && lastPrinted < total) {
                print();
            }
        }

        @Override
        public void close() {
            if (lastPrinted != done) {
                print();
            }
        }

        private void print() {
            out.println(task + ": " + done + "/" + total + " " + unit);
            lastPrinted = done;
        }
    }
}
