package org.wispcrm.benchmarks.harness;

/**
 * One measured stage of one run, a row of the results table.
 *
 * @param database the database ({@code mariadb}, {@code postgresql}, {@code h2})
 * @param n the number of subscriptions of the workload
 * @param stage what was measured ({@code billing-run}; later {@code pdf}, {@code dispatch})
 * @param variant {@code wispcrm} for the library, or the name of the baseline ({@code raw-jdbc})
 * @param baseline whether this row is a baseline that other rows of the stage are compared to
 * @param measurement time, heap and load
 * @param items units of work done (invoices issued)
 * @param rowsWritten database rows the stage inserted or updated
 * @param ratio this row's time over its baseline's (mean of the baseline's rows), or NaN for a baseline
 */
public record ResultRow(
        String database,
        int n,
        String stage,
        String variant,
        boolean baseline,
        Measurement measurement,
        long items,
        long rowsWritten,
        double ratio) {

    /** Items per second. */
    public double itemsPerSecond() {
        return items / measurement.seconds();
    }

    /** This row with its ratio to a baseline time. */
    public ResultRow withRatio(double baselineSeconds) {
        return new ResultRow(
                database,
                n,
                stage,
                variant,
                baseline,
                measurement,
                items,
                rowsWritten,
                baseline ? Double.NaN : measurement.seconds() / baselineSeconds);
    }
}
