package org.jgan.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code jgan report --format html}: one self-contained HTML file (charts and sample grids inlined as PNG data, no
 * scripts, nothing loaded from anywhere) that can be mailed or attached to an issue. Every text from the run folder
 * is HTML-escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,"DejaVu Sans",sans-serif;color:#111827;max-width:1100px;margin:24px auto;\
            padding:0 16px}h1{margin:0;font-size:24px}h2{font-size:16px;margin:26px 0 8px;border-bottom:1px solid \
            #e5e7eb;padding-bottom:4px}.muted{color:#6b7280}table{border-collapse:collapse}td,th{padding:3px 14px 3px \
            0;text-align:left;vertical-align:top}th{font-weight:normal;color:#6b7280}.kv td{font-family:monospace}\
            .charts img{max-width:100%;display:block;margin-bottom:8px}.grid{image-rendering:pixelated;width:100%;\
            max-width:480px}.strip{display:flex;gap:8px;flex-wrap:wrap}.strip figure{margin:0;width:120px;\
            text-align:center;font-size:12px;color:#6b7280}.strip img{width:120px;image-rendering:pixelated}\
            .warning{background:#fffbeb;border:1px solid #fcd34d;padding:6px 10px;border-radius:6px}\
            .tiles td{font-size:18px;font-weight:600;padding-right:28px}.tiles th{font-size:12px}""";

    private HtmlReport() {
    }

    public static void write(RunReport r, Path out) throws IOException {
        Files.writeString(out, render(r));
    }

    static String render(RunReport r) throws IOException {
        JsonNode d = r.details();
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>").append(esc(r.name())).append(" \u2013 jgan report</title><style>").append(CSS)
                .append("</style></head><body>");
        h.append("<h1>").append(esc(r.name())).append("</h1><p class=\"muted\">").append(esc(Summary.line(d)))
                .append(" \u00b7 report written ").append(Instant.now().toString(), 0, 16).append(" UTC</p>");
        for (String w : Summary.warnings(d)) {
            h.append("<p class=\"warning\">").append(esc(w)).append("</p>");
        }
        h.append("<table class=\"tiles\"><tr>");
        List<String[]> tiles = Summary.tiles(d);
        tiles.forEach(t -> h.append("<th>").append(esc(t[0])).append("</th>"));
        h.append("</tr><tr>");
        tiles.forEach(t -> h.append("<td>").append(esc(t[1])).append("</td>"));
        h.append("</tr></table>");
        charts(h, r);
        samples(h, r);
        events(h, d.get("events"));
        h.append("<h2>Config</h2>").append(keyValues(d.get("config")));
        h.append("<h2>Provenance</h2>").append(keyValues(d.get("provenance")));
        return h.append("</body></html>\n").toString();
    }

    private static void charts(StringBuilder h, RunReport r) throws IOException {
        h.append("<h2>Training curves</h2><div class=\"charts\">");
        List<String> keys = RunReport.keys(r.stats());
        boolean any = false;
        for (String[] g : new String[][] {{"losses", "Losses"}, {"scores", "D(x) on real, D(G(z)) on fake"},
                {"speed", "Images per second"}}) {
            BufferedImage img = ReportCharts.draw(g[1], r.stats(), ReportCharts.group(keys, g[0]), 1000, 340);
            if (img != null) {
                h.append("<img alt=\"").append(esc(g[1])).append("\" src=\"").append(dataUri(img)).append("\">");
                any = true;
            }
        }
        if (!any) {
            h.append("<p class=\"muted\">No stats yet.</p>");
        }
        for (String k : RunReport.keys(r.metrics())) {
            BufferedImage img = ReportCharts.draw(ReportCharts.label(k), r.metrics(), List.of(k), 1000, 260);
            if (img != null) {
                h.append("<img alt=\"").append(esc(k)).append("\" src=\"").append(dataUri(img)).append("\">");
            }
        }
        h.append("</div>");
    }

    private static void samples(StringBuilder h, RunReport r) {
        List<Long> steps = r.sampleSteps();
        h.append("<h2>Samples</h2>");
        if (steps.isEmpty()) {
            h.append("<p class=\"muted\">No sample grids.</p>");
            return;
        }
        long last = steps.get(steps.size() - 1);
        byte[] png = readable(r, last);
        h.append(png == null ? "<p class=\"muted\">The newest grid is missing.</p>"
                : "<img class=\"grid\" alt=\"step " + last + "\" src=\"" + dataUri(png) + "\">");
        h.append("<p class=\"muted\">step ").append(last).append(" (newest)</p><div class=\"strip\">");
        for (long s : Summary.spread(steps, 8)) {
            byte[] p = readable(r, s);
            h.append("<figure>").append(p == null ? "<div>missing</div>" : "<img alt=\"step " + s + "\" src=\""
                    + dataUri(p) + "\">").append("<figcaption>").append(s).append("</figcaption></figure>");
        }
        h.append("</div>");
    }

    /** A grid's bytes when they decode as an image (a browser would show a broken icon otherwise), else null. */
    private static byte[] readable(RunReport r, long step) {
        return r.sampleImage(step) == null ? null : r.samplePng(step);
    }

    private static void events(StringBuilder h, JsonNode events) {
        h.append("<h2>Alarms</h2>");
        if (events == null || events.isEmpty()) {
            h.append("<p class=\"muted\">None: no rollbacks or collapse warnings logged.</p>");
            return;
        }
        h.append("<table><tr><th>step</th><th>kind</th><th>details</th></tr>");
        for (JsonNode e : events) {
            h.append("<tr><td>").append(esc(e.path("step").asText())).append("</td><td>")
                    .append(esc(e.path("kind").asText())).append("</td><td>")
                    .append(esc(e.path("details").asText())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String keyValues(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<p class=\"muted\">not available</p>";
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        Summary.flatten(node, "", rows);
        StringBuilder t = new StringBuilder("<table class=\"kv\">");
        rows.forEach(e -> t.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                .append("</td></tr>"));
        return t.append("</table>").toString();
    }

    static String dataUri(BufferedImage img) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ImageIO.write(img, "png", buf);
        return dataUri(buf.toByteArray());
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
