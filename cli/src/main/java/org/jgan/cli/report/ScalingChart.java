package org.jgan.cli.report;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How a training step's time grows with its arithmetic: CPU milliseconds per step against the FLOP counted from the
 * architecture, one curve per framework (the points of a {@code bench-stylegan2 --sweep}). A straight line through
 * the origin means the cost is the arithmetic; a curve bending up, that memory traffic or overheads grow faster.
 */
public final class ScalingChart {
    private ScalingChart() {
    }

    /**
     * A chart of {@code ms} (one array per series, null entries skipped) against {@code gflop}; series named by
     * {@code names}, points labelled in the title's words.
     */
    public static BufferedImage draw(String title, double[] gflop, List<String> names, List<double[]> ms) {
        XYChart chart = new XYChartBuilder().width(760).height(460).title(title)
                .xAxisTitle("GFLOP per step (counted from the architecture)").yAxisTitle("CPU ms per step").build();
        ReportCharts.baseStyle(chart.getStyler(), 15, 12, 11);
        chart.getStyler().setXAxisMin(0.0).setYAxisMin(0.0);
        for (int i = 0; i < names.size(); i++) {
            double[] order = gflop.clone();
            double[] ys = ms.get(i).clone();
            sortBy(order, ys);
            XYSeries s = chart.addSeries(names.get(i), order, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(ReportCharts.PALETTE[i % ReportCharts.PALETTE.length]);
            s.setMarkerColor(ReportCharts.PALETTE[i % ReportCharts.PALETTE.length]);
            s.setLineStyle(new BasicStroke(1.8f));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Sorts {@code xs} ascending and {@code ys} along with it, so each line is drawn left to right. */
    private static void sortBy(double[] xs, double[] ys) {
        for (int i = 1; i < xs.length; i++) {
            for (int j = i; j > 0 && xs[j - 1] > xs[j]; j--) {
                double t = xs[j];
                xs[j] = xs[j - 1];
                xs[j - 1] = t;
                t = ys[j];
                ys[j] = ys[j - 1];
                ys[j - 1] = t;
            }
        }
    }
}
