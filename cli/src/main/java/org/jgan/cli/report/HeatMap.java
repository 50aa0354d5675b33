package org.jgan.cli.report;

import static org.jgan.cli.report.HtmlReport.esc;

import java.util.List;
import java.util.Locale;
import org.jgan.metrics.table.PairTrend;

/** A correlation matrix as a coloured HTML table: blue for negative r, red for positive, white for 0 or undefined. */
final class HeatMap {
    private HeatMap() {
    }

    /** The matrix of the numeric columns {@code names}, from the pair trends' real or synthetic r. */
    static String table(List<String> names, List<PairTrend> pairs, boolean real) {
        StringBuilder t = new StringBuilder("<table class=\"heat\"><tr><th></th>");
        names.forEach(n -> t.append("<th>").append(esc(n)).append("</th>"));
        t.append("</tr>");
        for (String a : names) {
            t.append("<tr><th>").append(esc(a)).append("</th>");
            for (String b : names) {
                double r = a.equals(b) ? 1 : r(pairs, a, b, real);
                t.append("<td style=\"background:").append(colour(r)).append("\" title=\"")
                        .append(esc(a + " \u00d7 " + b)).append("\">")
                        .append(Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f", r)).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    private static double r(List<PairTrend> pairs, String a, String b, boolean real) {
        for (PairTrend p : pairs) {
            if ((p.a().equals(a) && p.b().equals(b)) || (p.a().equals(b) && p.b().equals(a))) {
                return real ? p.realCorrelation() : p.syntheticCorrelation();
            }
        }
        return Double.NaN;
    }

    /** White at 0, towards #dc2626 at +1 and #2563eb at -1. */
    static String colour(double r) {
        if (Double.isNaN(r)) {
            return "#f3f4f6";
        }
        double a = Math.min(1, Math.abs(r));
        int[] to = r >= 0 ? new int[] {0xdc, 0x26, 0x26} : new int[] {0x25, 0x63, 0xeb};
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(to[0], a), mix(to[1], a), mix(to[2], a));
    }

    private static int mix(int to, double a) {
        return (int) Math.round(255 + (to - 255) * a);
    }
}
