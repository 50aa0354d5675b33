package org.jgan.cli;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jgan.metrics.video.Motion;
import org.jgan.metrics.video.VideoGoal;
import org.jgan.metrics.video.VideoReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** {@code jgan video-report}'s page: the goals, the figures beside the real ones, and the speed histograms. */
final class VideoHtml {
    private VideoHtml() {
    }

    static String render(VideoReport r) throws IOException {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>jgan video report</title><style>body{font:14px/1.45 system-ui,sans-serif;max-width:1000px;"
                + "margin:24px auto;padding:0 16px}td,th{padding:3px 14px 3px 0;text-align:left}td.n{text-align:right}"
                + ".pass{color:#16a34a}.fail{color:#dc2626}img{max-width:100%}</style></head><body>"
                + "<h1>Video report</h1>");
        h.append("<p>").append(r.clips()).append(" clips of ").append(esc(r.generated())).append(" against ")
                .append(esc(r.reference())).append(r.heldOut() == null ? "" : ", held out: " + esc(r.heldOut()))
                .append("; features ").append(esc(r.features())).append(", seed ").append(r.seed()).append("</p>");
        h.append("<h2>Goals</h2><table><tr><th></th><th>measured</th><th>goal</th><th></th></tr>");
        for (VideoGoal g : r.goals()) {
            h.append("<tr><th>").append(esc(g.name())).append("</th><td>").append(esc(g.measured()))
                    .append("</td><td>").append(esc(g.target())).append("</td><td class=")
                    .append(g.passed() ? "pass>pass" : "fail>fail").append("</td></tr>");
        }
        h.append("</table><h2>Figures</h2><table><tr><th></th><th>").append(r.realOnly() ? "scored (real)" : "model")
                .append("</th><th>real</th></tr>");
        row(h, "content consistency (share of clips)", r.contentConsistency(), r.realContentConsistency());
        row(h, "frame agreement with the clip's class", r.frameAgreement(), r.realFrameAgreement());
        if (!Double.isNaN(r.classMatch())) {
            row(h, "frames of the asked class (real: of their own)", r.classMatch(), r.realClassMatch());
        }
        row(h, "mean speed (pixels per frame)", r.meanSpeed(), r.realMeanSpeed());
        row(h, "speed KS statistic vs training clips", r.speedKs(), r.realSpeedKs());
        row(h, "direction change KS statistic", r.directionKs(), r.realDirectionKs());
        row(h, "static clips (share)", r.staticShare(), r.realStaticShare());
        row(h, "Fréchet distance", r.fd(), r.fdHeldOut());
        row(h, "… shuffled in time", r.fdShuffled(), Double.NaN);
        row(h, "… first frame repeated", r.fdRepeated(), Double.NaN);
        h.append("</table><p>Real figures are of held-out clips where there are some, else of the training clips. "
                + "Definitions: docs/video-metrics.md.</p>");
        h.append("<img alt=\"speed histogram\" src=\"data:image/png;base64,").append(Base64.getEncoder()
                .encodeToString(BitmapEncoder.getBitmapBytes(speedChart(r), BitmapEncoder.BitmapFormat.PNG)))
                .append("\">");
        return h.append("</body></html>\n").toString();
    }

    private static CategoryChart speedChart(VideoReport r) {
        CategoryChart c = new CategoryChartBuilder().width(720).height(320).title("Speed of the centre of mass")
                .xAxisTitle("pixels per frame").yAxisTitle("share of steps").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setSeriesColors(new Color[]{new Color(0x2563eb), new Color(0x9ca3af)});
        c.getStyler().setOverlapped(false);
        List<String> bins = new ArrayList<>();
        for (int i = 0; i < Motion.SPEED_BINS; i++) {
            double lo = i * Motion.SPEED_BIN;
            bins.add(i == Motion.SPEED_BINS - 1 ? String.format(Locale.ROOT, ">=%.1f", lo)
                    : String.format(Locale.ROOT, "%.1f", lo));
        }
        c.addSeries(r.realOnly() ? "scored" : "model", bins, list(r.speedHistogram()));
        c.addSeries("training clips", bins, list(r.realSpeedHistogram()));
        return c;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static void row(StringBuilder h, String name, double value, double real) {
        h.append("<tr><th>").append(name).append("</th><td class=n>").append(num(value)).append("</td><td class=n>")
                .append(num(real)).append("</td></tr>");
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "\u2013" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
