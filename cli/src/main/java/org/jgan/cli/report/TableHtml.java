package org.jgan.cli.report;

import static org.jgan.cli.report.HtmlReport.esc;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jgan.core.data.table.Table;
import org.jgan.metrics.table.ClassScore;
import org.jgan.metrics.table.ColumnShape;
import org.jgan.metrics.table.PairTrend;
import org.jgan.metrics.table.Privacy;
import org.jgan.metrics.table.TableReport;
import org.jgan.metrics.table.TableScores;
import org.jgan.metrics.table.Utility;
import org.jgan.metrics.table.UtilityScore;

/**
 * {@code jgan table-report}'s page: one self-contained HTML file (histograms inlined as PNG data, no scripts) with
 * the scores of a synthetic table beside those of the independent-marginals baseline, per-column shapes and
 * histograms, correlation heat maps, the privacy verdict and the utility scores. Every text from the tables is
 * HTML-escaped.
 */
public final class TableHtml {
    /** At most this many pair trends are listed (the lowest first); the mean covers all of them. */
    static final int PAIRS_LISTED = 40;
    private static final String CSS = """
            body{font:14px/1.45 system-ui,"DejaVu Sans",sans-serif;color:#111827;max-width:1100px;margin:24px auto;\
            padding:0 16px}h1{margin:0;font-size:24px}h2{font-size:16px;margin:26px 0 8px;border-bottom:1px solid \
            #e5e7eb;padding-bottom:4px}.muted{color:#6b7280}table{border-collapse:collapse}td,th{padding:3px 14px 3px \
            0;text-align:left;vertical-align:top}th{font-weight:normal;color:#6b7280}td.n{text-align:right;\
            font-variant-numeric:tabular-nums}.warning{background:#fffbeb;border:1px solid #fcd34d;padding:6px 10px;\
            border-radius:6px}.ok{background:#f0fdf4;border:1px solid #86efac;padding:6px 10px;border-radius:6px}\
            .hists{display:flex;flex-wrap:wrap;gap:8px}.hists img{width:520px;max-width:100%}\
            .heat td{width:46px;height:26px;text-align:center;font-size:11px;padding:0;border:1px solid #fff}\
            .heat th{font-size:11px;padding:0 6px}.maps{display:flex;gap:32px;flex-wrap:wrap}""";

    private TableHtml() {
    }

    /** The page for {@code r}; {@code real} and {@code synthetic} give the histograms. */
    public static String render(TableReport r, Table real, Table synthetic) throws IOException {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>jgan table report</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>Synthetic table report</h1><p class=\"muted\">").append(r.syntheticRows())
                .append(" synthetic rows against ").append(r.trainRows()).append(" training rows")
                .append(r.holdoutRows() > 0 ? " and " + r.holdoutRows() + " held-out rows" : "")
                .append(" \u00b7 seed ").append(r.seed()).append(" \u00b7 written ")
                .append(Instant.now().toString(), 0, 16).append(" UTC</p>");
        for (String n : r.notes()) {
            h.append("<p class=\"muted\">").append(esc(n)).append("</p>");
        }
        summary(h, r);
        shapes(h, r);
        h.append("<h2>Histograms: real against synthetic</h2><div class=\"hists\">");
        for (String name : real.schema().names()) {
            h.append("<img alt=\"").append(esc(name)).append("\" src=\"")
                    .append(HtmlReport.dataUri(TableCharts.histogram(real, synthetic, name, 520, 300))).append("\">");
        }
        h.append("</div>");
        trends(h, r);
        privacy(h, r);
        utility(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, TableReport r) {
        h.append("<h2>Summary</h2><p class=\"muted\">Each score also for the independent-marginals baseline: every "
                + "column drawn on its own from the training rows. What the generator adds is the gap.</p>");
        h.append("<table><tr><th>score</th><th>synthetic</th><th>baseline</th></tr>");
        row(h, "quality (overall, 0..1)", r, s -> s.fidelity().overall());
        row(h, "column shapes (mean)", r, s -> s.fidelity().columnShape());
        row(h, "pair trends (mean)", r, s -> s.fidelity().pairTrend());
        row(h, "median DCR to training rows", r, s -> s.privacy().dcrTrainMedian());
        row(h, "exact copies of training rows", r, s -> s.privacy().exactCopies());
        for (int i = 0; i < r.synthetic().orderings().size(); i++) {
            int k = i;
            row(h, "share of rows breaking " + r.synthetic().orderings().get(i).rule() + " (of those with both)", r,
                    s -> s.orderings().get(k).broken());
        }
        if (r.synthetic().utility() != null) {
            List<UtilityScore> syn = r.synthetic().utility().scores();
            for (int i = 0; i < syn.size(); i++) {
                int k = i;
                row(h, "utility " + syn.get(i).metric() + " TSTR / TRTR", r,
                        s -> s.utility().scores().get(k).ratio());
            }
        }
        h.append("</table>");
    }

    private static void row(StringBuilder h, String label, TableReport r, Function<TableScores, Double> f) {
        h.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(num(f.apply(r.synthetic())))
                .append("</td><td class=\"n\">").append(num(f.apply(r.baseline()))).append("</td></tr>");
    }

    private static void shapes(StringBuilder h, TableReport r) {
        h.append("<h2>Column shapes</h2><table><tr><th>column</th><th>type</th><th>metric</th><th>synthetic</th>"
                + "<th>baseline</th><th>missing real</th><th>missing synthetic</th><th>new categories</th></tr>");
        List<ColumnShape> base = r.baseline().fidelity().columnShapes();
        List<ColumnShape> syn = r.synthetic().fidelity().columnShapes();
        for (int i = 0; i < syn.size(); i++) {
            ColumnShape s = syn.get(i);
            h.append("<tr><td>").append(esc(s.column())).append("</td><td>").append(s.type()).append("</td><td>")
                    .append(s.metric()).append("</td><td class=\"n\">").append(num(s.score()))
                    .append("</td><td class=\"n\">").append(num(base.get(i).score())).append("</td><td class=\"n\">")
                    .append(pct(s.missingReal())).append("</td><td class=\"n\">").append(pct(s.missingSynthetic()))
                    .append("</td><td>").append(esc(String.join(", ", s.unseen()))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void trends(StringBuilder h, TableReport r) {
        h.append("<h2>Pair trends</h2>");
        List<String> numeric = r.synthetic().fidelity().columnShapes().stream()
                .filter(s -> s.metric().equals("KSComplement")).map(ColumnShape::column).toList();
        List<PairTrend> pairs = r.synthetic().fidelity().pairTrends();
        if (numeric.size() >= 2) {
            h.append("<div class=\"maps\"><div><p>Pearson r, real</p>").append(HeatMap.table(numeric, pairs, true))
                    .append("</div><div><p>Pearson r, synthetic</p>").append(HeatMap.table(numeric, pairs, false))
                    .append("</div></div>");
        }
        if (pairs.isEmpty()) {
            h.append("<p class=\"muted\">One column: no pairs.</p>");
            return;
        }
        h.append("<p class=\"muted\">").append(pairs.size() > PAIRS_LISTED ? "The " + PAIRS_LISTED + " lowest of "
                + pairs.size() + " pairs." : "Lowest first.").append("</p><table><tr><th>pair</th><th>metric</th>"
                + "<th>score</th><th>r real</th><th>r synthetic</th></tr>");
        pairs.stream().sorted(Comparator.comparingDouble(PairTrend::score)).limit(PAIRS_LISTED).forEach(p ->
                h.append("<tr><td>").append(esc(p.a() + " \u00d7 " + p.b())).append("</td><td>").append(p.metric())
                        .append("</td><td class=\"n\">").append(num(p.score())).append("</td><td class=\"n\">")
                        .append(num(p.realCorrelation())).append("</td><td class=\"n\">")
                        .append(num(p.syntheticCorrelation())).append("</td></tr>"));
        h.append("</table>");
    }

    private static void privacy(StringBuilder h, TableReport r) {
        Privacy p = r.synthetic().privacy();
        h.append("<h2>Privacy: distance to closest record</h2><p class=\"").append(p.memorisation() ? "warning" : "ok")
                .append("\">").append(esc(p.message())).append("</p>");
        h.append("<table><tr><th>Gower distance, 0..1</th><th>synthetic</th><th>baseline</th></tr>");
        row(h, "DCR to training, median", r, s -> s.privacy().dcrTrainMedian());
        row(h, "DCR to training, 5th percentile", r, s -> s.privacy().dcrTrainP5());
        row(h, "DCR to held-out, median", r, s -> s.privacy().dcrHoldoutMedian());
        row(h, "DCR to held-out, 5th percentile", r, s -> s.privacy().dcrHoldoutP5());
        row(h, "held-out rows' own DCR to training, median", r, s -> s.privacy().naturalMedian());
        row(h, "exact copies of a training row", r, s -> s.privacy().exactCopies());
        h.append("</table><p class=\"muted\">").append(p.syntheticRows()).append(" synthetic rows against ")
                .append(p.trainRows()).append(" training rows").append(p.holdoutRows() > 0 ? " and "
                        + p.holdoutRows() + " held-out rows" : "").append(" (seeded subsamples above ")
                .append(Privacy.MAX_QUERY).append(" and ").append(Privacy.MAX_REFERENCE).append(" rows).</p>");
    }

    private static void utility(StringBuilder h, TableReport r) {
        h.append("<h2>Utility: train on synthetic, test on real</h2>");
        Utility u = r.synthetic().utility();
        if (u == null) {
            h.append("<p class=\"muted\">No target column was named, so no model was trained.</p>");
            return;
        }
        Utility b = r.baseline().utility();
        h.append("<p>Target <b>").append(esc(u.target())).append("</b> (").append(u.task()).append("), ")
                .append(esc(u.model())).append(". ").append(esc(u.note())).append(".</p>");
        h.append("<table><tr><th>metric</th><th>TRTR (real)</th><th>TSTR synthetic</th><th>ratio</th>"
                + "<th>TSTR baseline</th><th>ratio</th></tr>");
        for (int i = 0; i < u.scores().size(); i++) {
            UtilityScore s = u.scores().get(i);
            UtilityScore t = b.scores().get(i);
            h.append("<tr><td>").append(s.metric()).append(s.higherIsBetter() ? "" : " (lower is better)")
                    .append("</td><td class=\"n\">").append(num(s.trtr())).append("</td><td class=\"n\">")
                    .append(num(s.tstr())).append("</td><td class=\"n\">").append(num(s.ratio()))
                    .append("</td><td class=\"n\">").append(num(t.tstr())).append("</td><td class=\"n\">")
                    .append(num(t.ratio())).append("</td></tr>");
        }
        h.append("</table><p class=\"muted\">").append(u.trainRows()).append(" real training rows, ")
                .append(u.syntheticRows()).append(" synthetic rows, ").append(u.testRows())
                .append(" real test rows.</p>");
        if (!u.classes().isEmpty()) {
            h.append("<table><tr><th>class</th><th>real test rows</th><th>F1, TRTR (real)</th>"
                    + "<th>F1, TSTR synthetic</th><th>F1, TSTR baseline</th></tr>");
            for (int i = 0; i < u.classes().size(); i++) {
                ClassScore c = u.classes().get(i);
                h.append("<tr><td>").append(esc(c.label())).append("</td><td class=\"n\">").append(c.support())
                        .append("</td><td class=\"n\">").append(num(c.trtrF1())).append("</td><td class=\"n\">")
                        .append(num(c.tstrF1())).append("</td><td class=\"n\">")
                        .append(num(b.classes().get(i).tstrF1())).append("</td></tr>");
            }
            h.append("</table>");
        }
    }

    static String num(double x) {
        return Double.isNaN(x) ? "\u2013" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
