package org.jgan.metrics.table;

import java.util.Locale;
import org.jgan.core.data.table.Table;

/**
 * Whether synthetic rows copy the training rows: the distance to closest record (DCR) of each synthetic row, by
 * {@link Gower}'s distance, to the training rows and to held-out real rows the generator never saw, as in SDMetrics'
 * DCR baseline and holdout protection metrics (and Zhao et al. 2021, "CTAB-GAN", who report DCR for CTGAN-class
 * models). A generator that learned the distribution puts synthetic rows as near to unseen real rows as to its
 * training rows; one that memorised sits much nearer the training rows.
 *
 * <p>The memorisation flag is raised when (a) the median DCR to the training rows is below {@value #MARGIN} times
 * the median DCR to the held-out rows, the training rows subsampled (seeded) to the held-out count so both
 * references are the same size (a bigger reference is nearer by chance alone); or (b) the share of exact copies of a
 * training row exceeds the held-out rows' own share of exact matches in the training rows (the natural level of
 * coincidence: a table of few categories repeats rows) by more than {@value #COPY_EXCESS}. The median DCR of held-out
 * rows to the training rows is reported as the natural level of closeness. Without held-out rows no flag is raised.
 *
 * <p>Cost is one distance per (synthetic row, reference row) pair: beyond {@value #MAX_QUERY} synthetic (or
 * held-out) rows and {@value #MAX_REFERENCE} reference rows, seeded subsamples are used and the counts say so.
 *
 * @param syntheticRows       synthetic rows measured (after subsampling)
 * @param trainRows           training rows they were compared with
 * @param holdoutRows         held-out rows they were compared with (0: no held-out table)
 * @param dcrTrainMedian      median DCR of synthetic rows to the training rows
 * @param dcrTrainP5          5th percentile of the same
 * @param dcrHoldoutMedian    median DCR of synthetic rows to the held-out rows (NaN without them)
 * @param dcrHoldoutP5        5th percentile of the same
 * @param naturalMedian       median DCR of held-out rows to the training rows (NaN without them)
 * @param exactCopies         share of synthetic rows at distance 0 from some training row
 * @param naturalExactCopies  share of held-out rows at distance 0 from some training row (NaN without them)
 * @param memorisation        whether the flag is raised
 * @param message             one sentence saying why (or that no held-out rows were given)
 */
public record Privacy(int syntheticRows, int trainRows, int holdoutRows, double dcrTrainMedian, double dcrTrainP5,
                      double dcrHoldoutMedian, double dcrHoldoutP5, double naturalMedian, double exactCopies,
                      double naturalExactCopies, boolean memorisation, String message) {
    /** Median DCR to training below this share of the median to held-out rows counts as memorisation. */
    public static final double MARGIN = 0.8;
    /** Exact copies beyond the natural share by more than this count as memorisation. */
    public static final double COPY_EXCESS = 0.05;
    /** At most this many synthetic (and held-out) rows are measured. */
    public static final int MAX_QUERY = 2000;
    /** At most this many training (and held-out) rows serve as references. */
    public static final int MAX_REFERENCE = 20000;

    /**
     * The DCR report of {@code synthetic} against {@code train} and, when not null, {@code holdout}; distances are
     * scaled by {@code train}'s ranges. All three must have the training table's columns.
     */
    public static Privacy of(Table train, Table holdout, Table synthetic, long seed) {
        Gower g = new Gower(train);
        double[][] syn = g.rows(new Aligned(train, synthetic.select(Rows.subsample(synthetic.rows(), MAX_QUERY, seed))));
        double[][] tr = g.rows(new Aligned(train, train.select(Rows.subsample(train.rows(), MAX_REFERENCE, seed + 1))));
        double[] toTrain = g.closest(syn, tr);
        double copies = share0(toTrain);
        if (holdout == null || holdout.rows() == 0) {
            return new Privacy(syn.length, tr.length, 0, Distributions.median(toTrain),
                    Distributions.quantile(toTrain, 0.05), Double.NaN, Double.NaN, Double.NaN, copies, Double.NaN,
                    false, "no held-out real rows were given, so memorisation was not judged: DCR to the training "
                            + "rows has no natural level to compare with");
        }
        double[][] ho = g.rows(new Aligned(train, holdout.select(Rows.subsample(holdout.rows(), MAX_REFERENCE, seed + 2))));
        double[] toHoldout = g.closest(syn, ho);
        // The training reference cut to the held-out size, so that neither side is nearer by being bigger.
        double[][] matched = g.rows(new Aligned(train, train.select(Rows.subsample(train.rows(), ho.length, seed + 3))));
        double[] toMatched = g.closest(syn, matched);
        double[][] hoQuery = g.rows(new Aligned(train, holdout.select(Rows.subsample(holdout.rows(), MAX_QUERY, seed + 4))));
        double[] natural = g.closest(hoQuery, tr);
        double naturalCopies = share0(natural);
        double mTrain = Distributions.median(toTrain);
        double mMatched = Distributions.median(toMatched);
        double mHoldout = Distributions.median(toHoldout);
        double mNatural = Distributions.median(natural);
        boolean closer = mMatched < MARGIN * mHoldout;
        boolean copying = copies > naturalCopies + COPY_EXCESS;
        String level = String.format(Locale.ROOT, "median DCR to training %.4f (%.4f against as many training rows "
                + "as held-out ones), to held-out rows %.4f, held-out rows' own to training %.4f; exact copies of a "
                + "training row %.1f%% (held-out rows: %.1f%%)", mTrain, mMatched, mHoldout, mNatural, 100 * copies,
                100 * naturalCopies);
        String msg;
        if (closer && copying) {
            msg = "possible memorisation: synthetic rows sit closer to the training rows than to held-out rows and "
                    + "copy training rows more often than chance: " + level;
        } else if (closer) {
            msg = "possible memorisation: synthetic rows sit closer to the training rows than to held-out rows: "
                    + level;
        } else if (copying) {
            msg = "possible memorisation: synthetic rows copy training rows more often than held-out rows match "
                    + "them by chance: " + level;
        } else {
            msg = "no sign of memorisation: " + level;
        }
        return new Privacy(syn.length, tr.length, ho.length, mTrain, Distributions.quantile(toTrain, 0.05), mHoldout,
                Distributions.quantile(toHoldout, 0.05), mNatural, copies, naturalCopies, closer || copying, msg);
    }

    private static double share0(double[] d) {
        if (d.length == 0) {
            return 0;
        }
        int n = 0;
        for (double x : d) {
            n += x == 0 ? 1 : 0;
        }
        return (double) n / d.length;
    }
}
