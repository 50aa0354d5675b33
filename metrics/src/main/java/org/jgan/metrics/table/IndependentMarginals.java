package org.jgan.metrics.table;

import java.util.SplittableRandom;
import org.jgan.core.data.table.Table;

/**
 * The trivial synthesiser every table generator should beat: each column drawn on its own, with replacement, from
 * the training table's cells of that column (missing cells included, so each column keeps its missing rate). Every
 * column's distribution is right, every relation between columns is gone and no row is a training row except by
 * chance, so its fidelity, privacy and utility show what a GAN adds over knowing the marginals (the "independent"
 * baseline of Xu et al. 2019, CTGAN, and of SDGym).
 */
public final class IndependentMarginals {
    private IndependentMarginals() {
    }

    /** {@code rows} rows drawn column by column from {@code train}, seeded: the same seed gives the same table. */
    public static Table sample(Table train, int rows, long seed) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("the training table has no rows to draw from");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        SplittableRandom root = new SplittableRandom(seed);
        int[][] pick = new int[train.columns()][rows];
        for (int c = 0; c < pick.length; c++) {
            // One stream per column, so that a column's draws do not depend on how many columns come before it.
            SplittableRandom rng = root.split();
            for (int r = 0; r < rows; r++) {
                pick[c][r] = rng.nextInt(train.rows());
            }
        }
        return train.gather(pick);
    }
}
