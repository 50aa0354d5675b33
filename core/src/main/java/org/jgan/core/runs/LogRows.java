package org.jgan.core.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the dashboard reads one stats.jsonl or metrics.jsonl line. Most lines are numbers by name; some are events
 * (an alarm, a rollback) that a training listener logged between them, and those go to the alarms table instead of
 * the charts. StatsWriter writes non-finite numbers as the strings "NaN" and "Infinity"; charts show them as gaps.
 */
final class LogRows {
    /** Keys that make a line an event; any other text value (not a number) does too. */
    static final List<String> EVENT_KEYS = List.of("alarm", "rollback", "collapse", "warning", "error", "event");
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    private static final Set<String> BOOKKEEPING = Set.of("step", "time", "epoch");

    private LogRows() {
    }

    static boolean isEvent(ObjectNode row) {
        for (String k : EVENT_KEYS) {
            if (row.has(k)) {
                return true;
            }
        }
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            JsonNode v = e.getValue();
            if (!v.isNumber() && !v.isNull() && !(v.isTextual() && NON_FINITE.contains(v.asText()))) {
                return true;
            }
        }
        return false;
    }

    /** The line with only its numbers; non-finite ones become null (a gap in a chart). */
    static ObjectNode numeric(ObjectNode row) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.set(e.getKey(), v);
            } else if (v.isNull() || v.isTextual() && NON_FINITE.contains(v.asText())) {
                out.putNull(e.getKey());
            }
        }
        return out;
    }

    /** An event line as {step, time, kind, details}, ready for a table. */
    static ObjectNode event(ObjectNode row) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("step", row.get("step"));
        out.set("time", row.get("time"));
        String kind = "event";
        for (String k : EVENT_KEYS) {
            if (row.has(k)) {
                kind = k;
                break;
            }
        }
        StringBuilder details = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            if (BOOKKEEPING.contains(e.getKey())) {
                continue;
            }
            if (details.length() > 0) {
                details.append(", ");
            }
            JsonNode v = e.getValue();
            if (e.getKey().equals(kind) && v.isTextual()) {
                details.append(v.asText()); // the kind is shown apart; its text is the message
            } else {
                details.append(e.getKey()).append(": ").append(v.isTextual() ? v.asText() : v.toString());
            }
        }
        out.put("kind", kind);
        out.put("details", details.toString());
        return out;
    }

    /** A finite number at {@code key}, or NaN when missing or not a number. */
    static double number(JsonNode row, String key) {
        JsonNode v = row == null ? null : row.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** The text at a path of keys, or null. */
    static String text(JsonNode node, String... path) {
        for (String p : path) {
            node = node == null ? null : node.get(p);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
