package org.jgan.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words and numbers both report formats print about a run, worded as on the dashboard. */
final class Summary {
    private Summary() {
    }

    /** "dcgan on fashion-mnist:train · step 600 / 600 · finished". */
    static String line(JsonNode d) {
        long step = d.path("step").asLong(-1);
        long planned = d.path("plannedSteps").asLong(-1);
        String steps = step < 0 ? "no steps yet" : "step " + step + (planned > 0 ? " / " + planned : "");
        return text(d, "model") + " on " + text(d, "data") + " \u00b7 " + steps + " \u00b7 " + d.path("status").asText();
    }

    static List<String> warnings(JsonNode d) {
        List<String> w = new ArrayList<>();
        d.path("skippedLines").fields().forEachRemaining(e -> {
            int n = e.getValue().asInt();
            if (n > 0) {
                w.add(n + (n == 1 ? " line of " : " lines of ") + e.getKey() + " could not be read and "
                        + (n == 1 ? "was" : "were") + " skipped.");
            }
        });
        if (!d.path("configError").isNull() && !d.path("configError").isMissingNode()) {
            w.add(d.path("configError").asText() + ".");
        }
        return w;
    }

    /** Label and value of the headline numbers: the newest losses, D outputs, speed and the best FID. */
    static List<String[]> tiles(JsonNode d) {
        List<String[]> t = new ArrayList<>();
        JsonNode latest = d.path("latest");
        for (String k : new String[] {"Loss/D", "Loss/G", "D/real_score", "D/fake_score", "img/s"}) {
            if (latest.has(k)) {
                t.add(new String[] {ReportCharts.label(k), fmt(latest.get(k))});
            }
        }
        JsonNode fid = d.path("bestFid");
        t.add(new String[] {"best FID", fid.isNumber() ? fmt(fid) + " (step " + d.path("bestFidStep").asLong() + ")"
                : "\u2013"});
        return t;
    }

    /** Four significant digits, like the dashboard's pages. */
    static String fmt(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return "\u2013";
        }
        double x = v.asDouble();
        if (Math.abs(x) >= 1000) {
            return Long.toString(Math.round(x));
        }
        if (x != 0 && Math.abs(x) < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.2e", x);
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Up to {@code n} steps spread evenly from the first to the last. */
    static List<Long> spread(List<Long> steps, int n) {
        Set<Long> picks = new LinkedHashSet<>();
        int k = Math.min(n, steps.size());
        for (int i = 0; i < k; i++) {
            picks.add(steps.get(k == 1 ? 0 : (int) Math.round(i * (steps.size() - 1) / (double) (k - 1))));
        }
        return new ArrayList<>(picks);
    }

    /** Nested JSON as dotted keys and printable values. */
    static void flatten(JsonNode node, String prefix, List<Map.Entry<String, String>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), prefix.isEmpty() ? e.getKey()
                    : prefix + "." + e.getKey(), out));
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(v -> parts.add(v.isValueNode() ? v.asText() : v.toString()));
            out.add(new AbstractMap.SimpleEntry<>(prefix, String.join(", ", parts)));
        } else {
            out.add(new AbstractMap.SimpleEntry<>(prefix, node.asText()));
        }
    }

    private static String text(JsonNode d, String key) {
        JsonNode v = d.path(key);
        return v.isTextual() ? v.asText() : "?";
    }
}
