package org.jgan.metrics.table;

/**
 * How alike the relation of two columns is in the real and the synthetic table, 0..1 (1: the same), as in
 * SDMetrics' quality report (CorrelationSimilarity, ContingencySimilarity). See {@link Fidelity} for the rules.
 *
 * @param a                   the first column's name
 * @param b                   the second column's name
 * @param metric              "CorrelationSimilarity" or "ContingencySimilarity"
 * @param score               the similarity, 0..1
 * @param realCorrelation     Pearson's r in the real table (NaN for a contingency pair or when undefined)
 * @param syntheticCorrelation Pearson's r in the synthetic table (NaN likewise)
 */
public record PairTrend(String a, String b, String metric, double score, double realCorrelation,
                        double syntheticCorrelation) {
}
