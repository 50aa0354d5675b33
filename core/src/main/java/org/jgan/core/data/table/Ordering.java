package org.jgan.core.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordering between two numeric columns that every row keeps, {@code low <= high} ({@code temp_min <= temp_max}),
 * as a schema file declares it ({@code "orderings": ["temp_min <= temp_max"]}); {@link OrderRules} puts generated
 * rows back into it. Declaring them is SDV's way (its {@code Inequality} constraint, Patki et al. 2016); without a
 * declaration jgan finds them in the training rows.
 *
 * @param low  the column whose value is at most the other's
 * @param high the column whose value is at least the other's
 */
public record Ordering(String low, String high) {
    public Ordering {
        if (low == null || low.isBlank() || high == null || high.isBlank()) {
            throw new IllegalArgumentException("an ordering needs two column names");
        }
        for (String name : new String[]{low, high}) {
            if (!name.equals(name.strip()) || name.contains("<=") || name.contains(">=")) {
                throw new IllegalArgumentException("an ordering names columns without \"<=\", \">=\" or spaces at "
                        + "either end, got \"" + name + "\"");
            }
        }
        if (low.equals(high)) {
            throw new IllegalArgumentException("an ordering needs two different columns, got \"" + low + "\" twice");
        }
    }

    /**
     * Reads {@code "low <= high"} (or {@code "high >= low"}); names are trimmed. A text without exactly one of the
     * two signs is an {@link IllegalArgumentException} saying so.
     */
    public static Ordering parse(String text) {
        String t = text == null ? "" : text;
        int le = t.indexOf("<=");
        int ge = t.indexOf(">=");
        if ((le < 0) == (ge < 0) || t.indexOf(le >= 0 ? "<=" : ">=", Math.max(le, ge) + 2) >= 0) {
            throw new IllegalArgumentException("an ordering is written \"low <= high\" (or \"high >= low\"), got \""
                    + t + "\"");
        }
        int at = Math.max(le, ge);
        String left = t.substring(0, at).trim();
        String right = t.substring(at + 2).trim();
        return le >= 0 ? new Ordering(left, right) : new Ordering(right, left);
    }

    /**
     * The orderings of a JSON list of texts ({@code ["temp_min <= temp_max"]}), as a schema file and a saved table
     * transformer hold them; anything else is an {@link IllegalArgumentException} saying what was wrong.
     */
    public static List<Ordering> list(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"orderings\" must be a list such as [\"temp_min <= temp_max\"] "
                    + "([] keeps none), got " + node);
        }
        List<Ordering> out = new ArrayList<>();
        for (JsonNode t : node) {
            if (!t.isTextual()) {
                throw new IllegalArgumentException("\"orderings\" must hold texts such as \"temp_min <= temp_max\", "
                        + "got " + t);
            }
            try {
                out.add(parse(t.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"orderings\": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return low + " <= " + high;
    }
}
