package org.jgan.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart in the dashboard's colours; one curve per stat against the step. */
final class ReportCharts {
    static final Color[] PALETTE = {new Color(0x2563eb), new Color(0xdc2626), new Color(0x16a34a),
        new Color(0x9333ea), new Color(0xea580c), new Color(0x0891b2)};
    static final Map<String, String> LABELS = Map.of("D/real_score", "D(x)", "D/fake_score", "D(G(z))",
            "img/s", "images/s", "fid", "FID", "kid", "KID");

    private ReportCharts() {
    }

    static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    /** The keys of a chart group: "losses", "scores" (D outputs) or "speed". */
    static List<String> group(List<String> keys, String group) {
        return keys.stream().filter(k -> switch (group) {
            case "losses" -> k.startsWith("Loss/");
            case "scores" -> k.startsWith("D/") && k.endsWith("_score");
            case "speed" -> k.equals("img/s");
            default -> false;
        }).toList();
    }

    /** A chart of {@code keys} over {@code rows}, or null when none of them has a finite value. */
    static BufferedImage draw(String title, List<JsonNode> rows, List<String> keys, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("step").build();
        style(chart);
        double[] steps = RunReport.column(rows, "step");
        int i = 0;
        for (String k : keys) {
            double[] ys = RunReport.column(rows, k);
            if (!hasFinite(ys)) {
                continue;
            }
            XYSeries s = chart.addSeries(label(k), steps, ys);
            s.setMarker(rows.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setMarkerColor(PALETTE[i % PALETTE.length]);
            s.setLineStyle(new BasicStroke(1.8f));
            i++;
        }
        if (i == 0) {
            return null;
        }
        if (title.startsWith("D(x)")) {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void style(XYChart chart) {
        var st = chart.getStyler();
        baseStyle(st, 15, 12, 11);
        st.setDecimalPattern("#,##0.####");
        st.setXAxisTickMarkSpacingHint(90);
    }

    /**
     * The look every report chart shares: white background, light grid, no boxes, legend below; fonts of
     * {@code title}, {@code label} (axis titles, legend) and {@code ticks} points.
     */
    static void baseStyle(org.knowm.xchart.style.AxesChartStyler st, int title, int label, int ticks) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setPlotGridLinesColor(new Color(0xe5e7eb));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, title));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, label));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, ticks));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, label));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendBorderColor(Color.WHITE);
        st.setAntiAlias(true);
    }

    private static boolean hasFinite(double[] ys) {
        for (double y : ys) {
            if (Double.isFinite(y)) {
                return true;
            }
        }
        return false;
    }
}
