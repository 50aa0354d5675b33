package org.jgan.core.data.table;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and writes single cells of numeric and boolean columns; null from a reader means "not of this type". */
final class Values {
    /** No sign, no leading zeros: "007" is a code (a ZIP code, an id) whose zeros matter, not the number 7. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    /** Integer-looking text with leading zeros: inference keeps it as categories so the zeros survive. */
    private static final Pattern PADDED = Pattern.compile("-?0[0-9]+");
    /** Plain decimal notation; Double.parseDouble alone would also take "NaN", "1d" and hexadecimal. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Larger whole numbers are not all exact in a double, where the table keeps them. */
    static final double MAX_EXACT_INTEGER = 9007199254740992.0; // 2^53

    private Values() {
    }

    /** The whole number written in {@code text}, exactly representable in a double; null otherwise. */
    static Double integer(String text) {
        String t = text.trim();
        if (!INTEGER.matcher(t).matches()) {
            return null;
        }
        double v = Long.parseLong(t);
        return Math.abs(v) <= MAX_EXACT_INTEGER ? v : null;
    }

    /**
     * A whole number in a declared integer column: also accepts integral decimals such as "3.0", which is how tools
     * that keep integers as floats (pandas, once a column has a missing value) write them.
     */
    static Double declaredInteger(String text) {
        Double v = integer(text);
        if (v == null) {
            v = decimal(text);
            if (v != null && (v != Math.rint(v) || Math.abs(v) > MAX_EXACT_INTEGER)) {
                return null;
            }
        }
        return v;
    }

    static boolean padded(String text) {
        return PADDED.matcher(text.trim()).matches();
    }

    /** The finite number written in {@code text}; null otherwise. */
    static Double decimal(String text) {
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }

    /**
     * 0 for false/no, 1 for true/yes (any letter case); also 0/1 when {@code digits} (a declared boolean column: a
     * 0/1 column is inferred as integers or categories, so only a schema file makes it boolean). Null otherwise.
     */
    static Integer bool(String text, boolean digits) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "false", "no":
                return 0;
            case "true", "yes":
                return 1;
            case "0":
                return digits ? 0 : null;
            case "1":
                return digits ? 1 : null;
            default:
                return null;
        }
    }

    /**
     * A number as a cell: integers without a decimal point, others in the shortest form that reads back to the same
     * double, without an exponent over the range people write by hand.
     */
    static String format(double v, boolean integer) {
        if (integer) {
            return Long.toString(Math.round(v));
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-6 || a >= 1e15)) {
            return Double.toString(v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
