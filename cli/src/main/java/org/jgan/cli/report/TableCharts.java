package org.jgan.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.Table;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The table report's histograms: one column of the real and the synthetic table side by side, as shares of each
 * table's rows (the tables differ in size). A numeric column in {@value #BINS} equal-width bins over the real range
 * (synthetic values beyond it counted in the end bins); a categorical one by its {@value #TOP} most frequent real
 * categories, the rest as "other"; missing cells as their own bar when either table has any.
 */
final class TableCharts {
    static final int BINS = 20;
    static final int TOP = 12;
    private static final String MISSING = "(missing)";

    private TableCharts() {
    }

    /** The histogram of column {@code name} in both tables. */
    static BufferedImage histogram(Table real, Table synthetic, String name, int width, int height) {
        int rc = real.columnIndex(name);
        int sc = synthetic.columnIndex(name);
        List<String> labels;
        double[] r;
        double[] s;
        if (real.type(rc).numeric()) {
            double[] range = range(real, rc);
            labels = binLabels(range);
            r = numericShares(real, rc, range);
            s = numericShares(synthetic, sc, range);
        } else {
            labels = topCategories(real, rc);
            r = categoryShares(real, rc, labels);
            s = categoryShares(synthetic, sc, labels);
        }
        if (r[r.length - 1] == 0 && s[s.length - 1] == 0 && labels.get(labels.size() - 1).equals(MISSING)) {
            labels = labels.subList(0, labels.size() - 1);
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(name)
                .yAxisTitle("share of rows").build();
        style(chart);
        add(chart, "real", labels, r, ReportCharts.PALETTE[0]);
        add(chart, "synthetic", labels, s, ReportCharts.PALETTE[1]);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void add(CategoryChart chart, String name, List<String> labels, double[] shares, Color color) {
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ys.add(shares[i]);
        }
        CategorySeries series = chart.addSeries(name, labels, ys);
        series.setFillColor(color);
    }

    private static double[] range(Table t, int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < t.rows(); r++) {
            double x = t.number(c, r);
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo > hi ? new double[] {0, 1} : new double[] {lo, hi > lo ? hi : lo + 1};
    }

    private static List<String> binLabels(double[] range) {
        List<String> labels = new ArrayList<>();
        double w = (range[1] - range[0]) / BINS;
        for (int b = 0; b < BINS; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.3g", range[0] + (b + 0.5) * w));
        }
        labels.add(MISSING);
        return labels;
    }

    /** Shares of {@value #BINS} bins over {@code range}, then missing. */
    private static double[] numericShares(Table t, int c, double[] range) {
        double[] n = new double[BINS + 1];
        for (int r = 0; r < t.rows(); r++) {
            double x = t.number(c, r);
            int b = Double.isNaN(x) ? BINS
                    : (int) Math.max(0, Math.min(BINS - 1, Math.floor((x - range[0]) / (range[1] - range[0]) * BINS)));
            n[b]++;
        }
        return normalise(n, t.rows());
    }

    private static List<String> topCategories(Table t, int c) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < t.rows(); r++) {
            if (!t.isMissing(c, r)) {
                counts.merge(text(t, c, r), 1, Integer::sum);
            }
        }
        List<String> labels = new ArrayList<>(counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(TOP).map(Map.Entry::getKey).toList());
        labels.add("(other)");
        labels.add(MISSING);
        return labels;
    }

    /** Shares of each label in {@code labels} (the last two: other, missing), matched by text. */
    private static double[] categoryShares(Table t, int c, List<String> labels) {
        double[] n = new double[labels.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size() - 2; i++) {
            index.put(labels.get(i), i);
        }
        for (int r = 0; r < t.rows(); r++) {
            String v = t.isMissing(c, r) ? null : text(t, c, r);
            int i = v == null ? labels.size() - 1 : index.getOrDefault(v, labels.size() - 2);
            n[i]++;
        }
        return normalise(n, t.rows());
    }

    /** A cell's text; a boolean as "false"/"true", since the synthetic file may spell it unlike the real one. */
    private static String text(Table t, int c, int r) {
        return t.type(c) == ColumnType.BOOLEAN ? (t.code(c, r) == 1 ? "true" : "false") : t.cell(c, r);
    }

    private static double[] normalise(double[] n, int rows) {
        for (int i = 0; i < n.length; i++) {
            n[i] = rows == 0 ? 0 : n[i] / rows;
        }
        return n;
    }

    private static void style(CategoryChart chart) {
        // the report's look, a size smaller (several histograms side by side), bar labels slanted
        ReportCharts.baseStyle(chart.getStyler(), 13, 11, 10);
        chart.getStyler().setXAxisLabelRotation(45);
    }
}
