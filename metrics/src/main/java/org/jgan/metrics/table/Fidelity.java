package org.jgan.metrics.table;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.table.Table;

/**
 * How closely a synthetic table follows the real one, column by column and pair by pair: the quality report of
 * SDMetrics (DataCebo), used to judge CTGAN-class generators (Xu et al. 2019, "Modeling Tabular Data using
 * Conditional GAN"). Every score is 0..1, 1 meaning the same.
 * <ul>
 *   <li><b>Column shape</b>, numeric column: (1 - |m_real - m_syn|) * (1 - KS), where m is the missing rate and KS the
 *       two-sample Kolmogorov-Smirnov statistic of the present values (SDMetrics' KSComplement, which drops missing
 *       values, times a factor that charges for a wrong missing rate). When only one side has present values KS is 1.
 *       Categorical or boolean column: 1 - TVD, the total variation distance of the frequencies of the real
 *       categories, "missing" and "a category the real table never had" (TVComplement, missing as its own state).</li>
 *   <li><b>Pair trend</b>, two numeric columns: 1 - |r_real - r_syn| / 2 with Pearson's r over the rows where both
 *       are present (CorrelationSimilarity). Any other pair, or a numeric pair whose r is undefined on either side (a
 *       constant column, under two shared rows): 1 - TVD of the joint frequency table, a numeric column cut into
 *       {@value States#BINS} quantile bins of the real data plus "missing" (ContingencySimilarity).</li>
 *   <li><b>Overall</b>: the mean of the mean column shape and the mean pair trend (the mean column shape alone for a
 *       one-column table).</li>
 * </ul>
 *
 * @param columnShapes one per column, in the real table's order
 * @param pairTrends   one per pair of columns (i &lt; j)
 * @param columnShape  the mean column shape
 * @param pairTrend    the mean pair trend (NaN with one column)
 * @param overall      the overall quality score
 */
public record Fidelity(List<ColumnShape> columnShapes, List<PairTrend> pairTrends, double columnShape,
                       double pairTrend, double overall) {
    public Fidelity {
        columnShapes = List.copyOf(columnShapes);
        pairTrends = List.copyOf(pairTrends);
    }

    /** Scores {@code synthetic} against {@code real}; the synthetic table must have the real one's columns and types. */
    public static Fidelity of(Table real, Table synthetic) {
        Aligned r = new Aligned(real, real);
        Aligned s = new Aligned(real, synthetic);
        int n = real.columns();
        States[] states = new States[n];
        int[][] realStates = new int[n][];
        int[][] synStates = new int[n][];
        List<ColumnShape> shapes = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            states[c] = States.of(r, c);
            realStates[c] = states[c].of(r);
            synStates[c] = states[c].of(s);
            shapes.add(shape(r, s, c, states[c], realStates[c], synStates[c]));
        }
        List<PairTrend> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rr = Double.NaN;
                double rs = Double.NaN;
                if (real.type(i).numeric() && real.type(j).numeric()) {
                    rr = Distributions.pearson(r.numbers(i), r.numbers(j));
                    rs = Distributions.pearson(s.numbers(i), s.numbers(j));
                }
                String a = real.schema().column(i).name();
                String b = real.schema().column(j).name();
                if (!Double.isNaN(rr) && !Double.isNaN(rs)) {
                    pairs.add(new PairTrend(a, b, "CorrelationSimilarity", 1 - Math.abs(rr - rs) / 2, rr, rs));
                } else {
                    double tvd = Distributions.tvd(
                            States.jointCounts(realStates[i], states[i].size(), realStates[j], states[j].size()),
                            States.jointCounts(synStates[i], states[i].size(), synStates[j], states[j].size()));
                    pairs.add(new PairTrend(a, b, "ContingencySimilarity", 1 - tvd, rr, rs));
                }
            }
        }
        double shape = shapes.stream().mapToDouble(ColumnShape::score).average().orElse(Double.NaN);
        double trend = pairs.stream().mapToDouble(PairTrend::score).average().orElse(Double.NaN);
        return new Fidelity(shapes, pairs, shape, trend, pairs.isEmpty() ? shape : (shape + trend) / 2);
    }

    private static ColumnShape shape(Aligned r, Aligned s, int c, States st, int[] realStates, int[] synStates) {
        Table real = r.table;
        double mr = missingRate(realStates, st);
        double ms = missingRate(synStates, st);
        String name = real.schema().column(c).name();
        String type = real.type(c).key();
        if (real.type(c).numeric()) {
            double ks = Distributions.ks(Distributions.present(r.numbers(c)), Distributions.present(s.numbers(c)));
            return new ColumnShape(name, type, "KSComplement", (1 - Math.abs(mr - ms)) * (1 - ks), mr, ms, List.of());
        }
        double tvd = Distributions.tvd(States.counts(realStates, st.size()), States.counts(synStates, st.size()));
        return new ColumnShape(name, type, "TVComplement", 1 - tvd, mr, ms, s.unseen(c));
    }

    private static double missingRate(int[] states, States st) {
        if (states.length == 0) {
            return 0;
        }
        return (double) java.util.Arrays.stream(states).filter(x -> x == st.missingState()).count() / states.length;
    }
}
