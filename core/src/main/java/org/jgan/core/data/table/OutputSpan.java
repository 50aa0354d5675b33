package org.jgan.core.data.table;

/**
 * A stretch of a {@link TableTransformer}'s row vector that a generator writes with one activation
 * ({@link SpanKind}), CTGAN's "output info" (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN").
 *
 * @param column      the table column the span belongs to
 * @param columnIndex that column's position in the table
 * @param part        what the span holds: "value" (alpha), "mode", "missing" (present/missing), "category", or
 *                    a date's place in the year ("season-sin", "season-cos")
 * @param start       first position in the vector
 * @param length      number of positions (1 for TANH)
 * @param kind        the activation
 */
public record OutputSpan(String column, int columnIndex, String part, int start, int length, SpanKind kind) {
    public OutputSpan {
        if (start < 0 || length < 1 || kind == SpanKind.TANH && length != 1) {
            throw new IllegalArgumentException("span of column \"" + column + "\" at " + start + " with length "
                    + length + " and kind " + kind + " is not a valid span");
        }
    }

    /** One past the last position. */
    public int end() {
        return start + length;
    }
}
