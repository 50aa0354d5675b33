package org.jgan.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jgan.metrics.series.FeaturePair;
import org.jgan.metrics.series.SeriesReport;
import org.jgan.metrics.series.StaticScore;
import org.jgan.metrics.series.StepChange;
import org.jgan.models.timegan.SeriesWindows;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code jgan series-report}'s page: TimeGAN's scores of the synthetic windows beside the shuffled baseline and the
 * real floor, and per feature a few real and a few synthetic windows drawn over each other. One self-contained file.
 */
public final class SeriesHtml {
    static final int SHOWN = 6;
    static final int FEATURES = 6;
    /** Pairs of features in the table: the furthest from real. */
    static final int PAIRS_SHOWN = 20;

    private SeriesHtml() {
    }

    public static String render(SeriesReport r, SeriesWindows real, SeriesWindows synthetic) throws IOException {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>jgan series report</title><style>body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;"
                + "margin:24px auto;padding:0 16px}td,th{padding:3px 14px 3px 0;text-align:left}td.n{text-align:right}"
                + "img{width:520px;max-width:100%}</style></head><body><h1>Synthetic series report</h1>");
        h.append("<p>").append(r.syntheticWindows()).append(" synthetic windows against ").append(r.realWindows())
                .append(" real windows of ").append(real.steps()).append(" steps, seed ").append(r.seed()).append("</p>");
        h.append("<table><tr><th></th><th>synthetic</th><th>real shuffled in time</th><th>real</th></tr>");
        row(h, "discriminative score (0 is best)", num(r.discriminative()), num(r.discriminativeShuffled()), "");
        row(h, "predictive score (MAE, lower is better)", num(r.predictive()), num(r.predictiveShuffled()),
                num(r.predictiveReal()));
        h.append("</table><p>Discriminative: |accuracy - 0.5| of a GRU classifier telling real from synthetic windows. "
                + "Predictive: mean absolute error on held-out real windows of a GRU trained on each set to predict the "
                + "last feature one step ahead; \"real\" is trained on the other real windows.</p>");
        stepChanges(h, r);
        pairs(h, r);
        statics(h, r);
        h.append("<div>");
        // the temporal features: a static one is a flat line, and there may be many of them
        for (int k = real.statics(); k < Math.min(real.statics() + FEATURES, real.features().size()); k++) {
            h.append("<img alt=\"").append(HtmlReport.esc(real.features().get(k))).append("\" src=\"")
                    .append(HtmlReport.dataUri(chart(real, synthetic, k))).append("\">");
        }
        return h.append("</div></body></html>\n").toString();
    }

    /** Per temporal feature, how much the windows move from step to step. */
    private static void stepChanges(StringBuilder h, SeriesReport r) {
        if (r.stepChanges().isEmpty()) {
            return;
        }
        h.append("<h2>Step-to-step change</h2><table><tr><th></th><th>synthetic</th><th>real shuffled in time</th>"
                + "<th>real</th><th>synthetic / real</th><th>KS</th><th>bend: synthetic</th><th>bend: real</th>"
                + "<th>bend: synthetic / real</th></tr>");
        for (StepChange c : r.stepChanges()) {
            row(h, HtmlReport.esc(c.name()), num(c.synthetic()), num(c.shuffled()), num(c.real()), num(c.ratio()),
                    num(c.ks()), num(c.syntheticBend()), num(c.realBend()), num(c.bendRatio()));
        }
        h.append("</table><p>Mean |x[t+1] - x[t]| of each feature, scaled to the real windows' range: a ratio well "
                + "below 1 means windows smoother than real ones (the levels learnt, the swings not), well above 1 "
                + "rougher. KS: two-sample Kolmogorov-Smirnov statistic between the real and the synthetic signed "
                + "changes (0: the same distribution). Bend: mean |x[t+1] - 2 x[t] + x[t-1]|, how much the "
                + "changes themselves change; well above real's is jitter around the curve, which the amount of "
                + "movement alone can hide.</p>");
    }

    /** Pairs of temporal features, the furthest from real first. */
    private static void pairs(StringBuilder h, SeriesReport r) {
        if (r.pairs().isEmpty()) {
            return;
        }
        h.append("<h2>Pairs of features</h2><table><tr><th></th><th>r of values, synthetic</th><th>real</th>"
                + "<th>r of changes, synthetic</th><th>real</th></tr>");
        for (FeaturePair p : r.pairs().subList(0, Math.min(PAIRS_SHOWN, r.pairs().size()))) {
            row(h, HtmlReport.esc(p.first() + " ~ " + p.second()), num(p.syntheticValues()), num(p.realValues()),
                    num(p.syntheticChanges()), num(p.realChanges()));
        }
        h.append("</table><p>Pearson's r of two features' values over every step, and of their step-to-step changes, "
                + "synthetic against real; the pairs furthest from real first").append(r.pairs().size() > PAIRS_SHOWN
                ? " (" + PAIRS_SHOWN + " of " + r.pairs().size() + " shown; the JSON holds them all)" : "")
                .append(". Each feature can move as much as the real one while a pair moves together far more, or "
                + "less, than real features do.</p>");
    }

    /** The static features' table, when the windows have any. */
    private static void statics(StringBuilder h, SeriesReport r) {
        if (r.statics().isEmpty()) {
            return;
        }
        h.append("<h2>Static features</h2><table><tr><th></th><th>shape</th><th>link with the series</th>"
                + "<th>statics shuffled</th></tr>");
        for (StaticScore s : r.statics()) {
            row(h, HtmlReport.esc(s.name()) + (s.categorical() ? " (categorical)" : ""), num(s.shape()),
                    num(s.link()), num(s.linkShuffled()));
        }
        h.append("</table><p>Shape: 1 - KS (numeric) or 1 - TVD (categorical) of the static values over windows. Link: "
                + "how each temporal feature's mean and spread over a window go with the static (Pearson's r, or the "
                + "correlation ratio for a categorical one), synthetic against real, 1 meaning the same; \"statics "
                + "shuffled\" scores real windows whose statics were shuffled across windows, what a model that "
                + "ignores its statics would get.</p>");
    }

    /** A table row: {@code label} (HTML) as its header, then one right-aligned cell per entry of {@code cells}. */
    private static void row(StringBuilder h, String label, String... cells) {
        h.append("<tr><th>").append(label).append("</th>");
        for (String c : cells) {
            h.append("<td class=n>").append(c).append("</td>");
        }
        h.append("</tr>");
    }

    private static String num(double x) {
        return TableHtml.num(x);
    }

    private static BufferedImage chart(SeriesWindows real, SeriesWindows syn, int k) {
        XYChart c = new XYChartBuilder().width(520).height(300).title(real.features().get(k)).xAxisTitle("step")
                .build();
        ReportCharts.baseStyle(c.getStyler(), 13, 11, 10);
        draw(c, real, k, "real", ReportCharts.PALETTE[0]);
        draw(c, syn, k, "synthetic", ReportCharts.PALETTE[1]);
        return BitmapEncoder.getBufferedImage(c);
    }

    private static void draw(XYChart c, SeriesWindows w, int k, String name, java.awt.Color color) {
        int f = w.features().size();
        int shown = Math.min(SHOWN, w.count());
        for (int j = 0; j < shown; j++) {
            // spread over the set: windows cut at stride 1 from one series overlap, so the first few are one stretch
            int i = (int) ((long) j * w.count() / shown);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int t = 0; t < w.steps(); t++) {
                x.add((double) t);
                y.add((double) w.values()[(i * w.steps() + t) * f + k]);
            }
            XYSeries s = c.addSeries(name + " " + (j + 1), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setShowInLegend(j == 0);
        }
    }
}
