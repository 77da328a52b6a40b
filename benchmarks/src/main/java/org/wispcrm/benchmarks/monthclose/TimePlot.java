package org.wispcrm.benchmarks.monthclose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wispcrm.benchmarks.harness.ResultRow;
import org.wispcrm.benchmarks.harness.Results;

/**
 * The plot of a run: for each database, seconds against N on log-log axes, one line per stage of the library and
 * a dashed line for the raw close. On log-log axes a linear cost is a straight line of slope 1, so a stage that
 * grows faster than its work bends upwards.
 */
final class TimePlot {
    private TimePlot() {}

    static Path write(Results results, Path file) throws IOException {
        List<String> databases =
                results.rows().stream().map(ResultRow::database).distinct().toList();
        var charts = new ArrayList<XYChart>();
        for (String database : databases) {
            charts.add(chart(results.rows(), database));
        }
        if (charts.isEmpty()) {
            return file;
        }
        String name = file.toString();
        BitmapEncoder.saveBitmap(
                charts, 1, charts.size(), name.substring(0, name.length() - 4), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static XYChart chart(List<ResultRow> rows, String database) {
        XYChart chart = new XYChartBuilder()
                .width(520)
                .height(420)
                .title("Month close on " + database)
                .xAxisTitle("subscriptions (N)")
                .yAxisTitle("seconds")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        for (String stage : List.of(
                MonthCloseBenchmark.CLOSE,
                MonthCloseBenchmark.BILLING,
                MonthCloseBenchmark.PDF_S3,
                MonthCloseBenchmark.PDF_DISK,
                MonthCloseBenchmark.DISPATCH)) {
            add(chart, rows, database, stage, false, stage);
        }
        XYSeries raw = add(chart, rows, database, MonthCloseBenchmark.CLOSE, true, "close, raw baselines");
        if (raw != null) {
            raw.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static XYSeries add(
            XYChart chart, List<ResultRow> rows, String database, String stage, boolean baseline, String name) {
        var points = rows.stream()
                .filter(r -> r.database().equals(database) && r.stage().equals(stage) && r.baseline() == baseline)
                .sorted(java.util.Comparator.comparingInt(ResultRow::n))
                .toList();
        if (points.isEmpty()) {
            return null;
        }
        double[] x = points.stream().mapToDouble(ResultRow::n).toArray();
        double[] y = points.stream().mapToDouble(r -> r.measurement().seconds()).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }
}
