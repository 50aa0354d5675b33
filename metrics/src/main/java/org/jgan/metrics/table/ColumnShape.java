package org.jgan.metrics.table;

import java.util.List;

/**
 * How alike one column's distribution is in the real and the synthetic table, 0..1 (1: the same), as in SDMetrics'
 * quality report (KSComplement, TVComplement). See {@link Fidelity} for the exact rules.
 *
 * @param column           the column's name
 * @param type             its type ("continuous", "categorical", ...)
 * @param metric           "KSComplement" (numeric) or "TVComplement" (categorical, boolean)
 * @param score            the similarity, 0..1
 * @param missingReal      the share of real rows where the column is missing
 * @param missingSynthetic the share of synthetic rows where it is missing
 * @param unseen           categories of the synthetic column that the real one never had (sorted; empty if none)
 */
public record ColumnShape(String column, String type, String metric, double score, double missingReal,
                          double missingSynthetic, List<String> unseen) {
    public ColumnShape {
        unseen = List.copyOf(unseen);
    }
}
