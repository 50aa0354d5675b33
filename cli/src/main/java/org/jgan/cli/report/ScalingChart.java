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
 * architecture, curves per framework and per swept setting (the points of a {@code bench-stylegan2 --sweep}). A
 * straight line through the origin means the cost is the arithmetic; a curve bending up, that memory traffic or
 * overheads grow faster.
 */
public final class ScalingChart {
    private ScalingChart() {
    }

    /**
     * One measured curve: {@code ms} against {@code gflop}, drawn in palette colour {@code colour}, dashed or solid.
     *
     * @param name   the legend's text
     * @param gflop  FLOP per step, in units of 10^9
     * @param ms     CPU milliseconds per step
     * @param colour index into the report palette
     * @param dashed whether the line is dashed
     */
    public record Curve(String name, double[] gflop, double[] ms, int colour, boolean dashed) {
    }

    /** A chart of {@code curves}, each point a measured setting, joined in the order given. */
    public static BufferedImage draw(String title, List<Curve> curves) {
        XYChart chart = new XYChartBuilder().width(760).height(460).title(title)
                .xAxisTitle("GFLOP per step (counted from the architecture)").yAxisTitle("CPU ms per step").build();
        ReportCharts.baseStyle(chart.getStyler(), 15, 12, 11);
        chart.getStyler().setXAxisMin(0.0).setYAxisMin(0.0);
        // inside the plot, one entry per line: four curves do not fit beside each other below it
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW)
                .setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        for (Curve c : curves) {
            XYSeries s = chart.addSeries(c.name(), c.gflop(), c.ms());
            s.setMarker(SeriesMarkers.CIRCLE);
            java.awt.Color colour = ReportCharts.PALETTE[c.colour() % ReportCharts.PALETTE.length];
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setLineStyle(c.dashed() ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{6f, 4f}, 0f) : new BasicStroke(1.8f));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
