package org.jgan.metrics.table;

import java.util.List;

/**
 * The scores of one table (the synthetic one, or the independent-marginals baseline) in a {@link TableReport}.
 *
 * @param fidelity how closely it follows the real training table
 * @param privacy  how near its rows sit to the training rows
 * @param utility  TRTR against TSTR for the target column; null when no target was named
 * @param orderings how often it breaks each ordering between columns that every training row keeps
 */
public record TableScores(Fidelity fidelity, Privacy privacy, Utility utility, List<OrderingScore> orderings) {
    /** Keeps an unmodifiable copy of {@code orderings}. */
    public TableScores {
        orderings = List.copyOf(orderings);
    }
}
