package org.jgan.models.ctgan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.JsonFiles;
import org.jgan.core.data.table.MarginalCalibration;
import org.jgan.core.data.table.OrderRules;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableTransformer;
import org.jgan.engine.Tensors;
import org.jgan.models.RunGenerator;

/**
 * Rows from a trained {@link Ctgan} run, as CTGAN samples (Xu et al. 2019): without a condition, the rows'
 * conditional vectors take the columns in equal shares and each column's categories in their real shares
 * (stratified rather than drawn one by one, see {@link #stratified}); with conditions
 * ({@code weather=snow}, one or more categorical or boolean columns), every row's vector holds the first condition,
 * and each conditioned column's one-hot is then set to the asked category, so exactly {@code n} rows come back, all
 * matching, with no rejection loop. Columns after the first are set rather than generated from, so their bond with
 * the other columns is only as good as G's learnt bond with the first. The same run, count, seed and conditions give
 * the same rows.
 *
 * <p>Unless asked otherwise, numbers are calibrated to the training rows' distributions ({@link MarginalCalibration})
 * and rows are put in the orderings between columns that every training row keeps or the schema declares
 * ({@link OrderRules}): the
 * generator's quantiles come from a reference sample of {@value #REFERENCE_ROWS} rows drawn, without conditions, from
 * a fixed seed, and the training rows from the run's {@code table/train.csv}; a run folder without that file samples
 * its rows as the generator writes them ({@link #calibrationNote}).
 */
public final class TableSampler {
    /** Rows in the reference sample whose quantiles the calibration maps from. */
    static final int REFERENCE_ROWS = 20_000;
    private static final long REFERENCE_SEED = 0x6A67616E_63616CL;

    private final RunGenerator generator;
    private final TableTransformer transformer;
    private final List<OutputSpan> discrete;
    /** Where each discrete column's one-hot starts in the conditional vector. */
    private final int[] offsets;
    private final double[][] realOdds;
    private final int width;
    private final Path runDir;
    /** Fit on the first calibrated sample; null before, or when the run kept no training rows. */
    private MarginalCalibration calibration;
    private OrderRules order = OrderRules.none();
    private String calibrationNote;

    /** The table side of the ctgan run in {@code runDir} whose generator {@code generator} is. */
    public TableSampler(RunGenerator generator, Path runDir) {
        this.generator = generator;
        this.runDir = runDir;
        Path dir = runDir.resolve(TableRows.DIR);
        this.transformer = TableTransformer.load(dir.resolve(TableRows.TRANSFORMER));
        this.discrete = transformer.discreteSpans();
        this.offsets = new int[discrete.size()];
        for (int c = 1; c < offsets.length; c++) {
            offsets[c] = offsets[c - 1] + discrete.get(c - 1).length();
        }
        this.width = discrete.stream().mapToInt(OutputSpan::length).sum();
        JsonNode counts = JsonFiles.read(dir.resolve(TableConditioning.FREQUENCIES),
                TableConditioning.FREQUENCIES_FORMAT, 1, "category counts").path("columns");
        if (counts.size() != discrete.size()) {
            throw new ConfigException(dir.resolve(TableConditioning.FREQUENCIES) + " has counts for " + counts.size()
                    + " columns; the run's table has " + discrete.size() + " categorical or boolean columns");
        }
        realOdds = new double[discrete.size()][];
        for (int c = 0; c < discrete.size(); c++) {
            double[] w = new double[discrete.get(c).length()];
            for (int k = 0; k < w.length; k++) {
                w[k] = counts.get(c).path("counts").path(k).asDouble(0);
            }
            realOdds[c] = TableConditioning.cumulative(w);
        }
    }

    /** The fitted transformer: the run's columns and categories. */
    public TableTransformer transformer() {
        return transformer;
    }

    /**
     * {@code n} rows from latent seed {@code seed}, each with the column values {@code where} asks for (column name to
     * category; empty for none; "" asks for a missing value where the column had them).
     */
    public Table sample(int n, long seed, Map<String, String> where) {
        return sample(n, seed, where, true);
    }

    /**
     * As {@link #sample(int, long, Map)}; {@code calibrated} false leaves the rows as the generator writes them
     * (true calibrates their numbers and orderings where the run kept its training rows: {@link #calibrationNote}).
     */
    public Table sample(int n, long seed, Map<String, String> where, boolean calibrated) {
        List<int[]> conds = parse(where);
        float[] rows = vectors(n, seed, conds);
        MarginalCalibration c = calibrated ? calibration() : null;
        return transformer.inverse(rows, n, c, c == null ? OrderRules.none() : order);
    }

    /**
     * What calibration does for this run: the columns it moves and the orderings it keeps, or why it does nothing.
     * Fits the calibration when no sample has yet.
     */
    public String calibrationNote() {
        calibration();
        return calibrationNote;
    }

    private synchronized MarginalCalibration calibration() {
        if (calibrationNote == null) {
            if (TableRunFiles.trainingFile(runDir) == null) {
                calibrationNote = "numbers as the generator writes them: the run folder keeps no training rows ("
                        + TableRows.DIR + "/" + TableRunFiles.TRAIN + ") to calibrate them to";
            } else {
                // read with the types of the transformer this sampler holds, not by loading transformer.json again
                Table real = TableRunFiles.training(runDir, SchemaOverrides.of(transformer.schema()));
                calibration = MarginalCalibration.fit(transformer, vectors(REFERENCE_ROWS, REFERENCE_SEED, List.of()),
                        REFERENCE_ROWS, real);
                order = OrderRules.of(real, transformer.schema()).where(transformer::sameGrain);
                calibrationNote = (calibration.columns().isEmpty() ? "no numeric column to calibrate"
                        : "numbers calibrated to the training rows' distributions in " + String.join(", ",
                        calibration.columns())) + orderNote();
            }
        }
        return calibration;
    }

    /** What the ordering repair keeps, for {@link #calibrationNote}: "" when nothing was found. */
    private String orderNote() {
        boolean declared = transformer.schema().orderings() != null;
        if (order.rules().isEmpty()) {
            return declared ? "; no orderings kept (the schema declares none)" : "";
        }
        return "; rows kept in the orderings " + (declared ? "the schema declares: " : "every training row keeps: ")
                + String.join(", ", order.rules().stream().map(Object::toString).toList());
    }

    /** Generated row vectors with their one-hots drawn, for {@code conds} (none: stratified, see {@link #stratified}). */
    private float[] vectors(int n, long seed, List<int[]> conds) {
        int[][] plan = conds.isEmpty() ? stratified(n, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17)) : null;
        float[] raw = generator.generateRaw(n, seed, (from, m) -> {
            float[] v = new float[m * width];
            for (int i = 0; i < m && !discrete.isEmpty(); i++) {
                int c = plan != null ? plan[from + i][0] : conds.get(0)[0];
                int k = plan != null ? plan[from + i][1] : conds.get(0)[1];
                v[i * width + offset(c) + k] = 1f;
            }
            return Tensors.fromFloats(v, m, width);
        });
        int w = transformer.width();
        for (int[] ck : conds) {
            OutputSpan s = discrete.get(ck[0]);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < s.length(); j++) {
                    raw[r * w + s.start() + j] = j == ck[1] ? 1e4f : -1e4f;  // certain after the Gumbel draw
                }
            }
        }
        return RowDecoder.drawCategories(raw, n, transformer, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 29));
    }

    /**
     * Each row's condition (column, category) for {@code n} rows without conditions: the columns in equal shares and,
     * within a column's rows, the categories in their real shares (largest remainders), in a seeded random order.
     * CTGAN draws them independently; drawn in proportion, a rare category's share in the sample does not wander by
     * the chance of the draw (22 snow days expected in 1,169 rows could come out 30).
     */
    private int[][] stratified(int n, SplittableRandom rng) {
        int[][] plan = new int[n][];
        if (discrete.isEmpty()) {
            return plan;
        }
        int[] columnOf = apportion(n, uniform(discrete.size()), rng);
        int at = 0;
        for (int c = 0; c < discrete.size(); c++) {
            double[] shares = new double[realOdds[c].length];
            for (int k = 0; k < shares.length; k++) {
                shares[k] = realOdds[c][k] - (k > 0 ? realOdds[c][k - 1] : 0);
            }
            int[] cats = apportion(columnOf[c], shares, rng);
            for (int k = 0; k < cats.length; k++) {
                for (int j = 0; j < cats[k]; j++) {
                    plan[at++] = new int[]{c, k};
                }
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] t = plan[i];
            plan[i] = plan[j];
            plan[j] = t;
        }
        return plan;
    }

    private static double[] uniform(int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        return w;
    }

    /** {@code n} split by {@code shares} (summing to 1): floors, then the largest remainders, ties broken by {@code rng}. */
    static int[] apportion(int n, double[] shares, SplittableRandom rng) {
        int[] out = new int[shares.length];
        double[] rest = new double[shares.length];
        int given = 0;
        for (int k = 0; k < shares.length; k++) {
            double exact = n * shares[k];
            out[k] = (int) Math.floor(exact);
            rest[k] = exact - out[k] + rng.nextDouble() * 1e-9;
            given += out[k];
        }
        Integer[] order = new Integer[shares.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(rest[b], rest[a]));
        for (int i = 0; given < n; i++, given++) {
            out[order[i % order.length]]++;
        }
        return out;
    }

    private int offset(int c) {
        return offsets[c];
    }

    /** Each condition as (index among the discrete columns, slot); errors name the column and what it knows. */
    private List<int[]> parse(Map<String, String> where) {
        List<int[]> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(where).entrySet()) {
            String col = e.getKey();
            int c = -1;
            for (int i = 0; i < discrete.size(); i++) {
                if (discrete.get(i).column().equals(col)) {
                    c = i;
                }
            }
            if (c < 0) {
                boolean exists = transformer.schema().columns().stream().anyMatch(s -> s.name().equals(col));
                List<String> names = discrete.stream().map(OutputSpan::column).toList();
                throw new ConfigException("condition " + col + "=" + e.getValue() + ": " + (exists
                        ? "column \"" + col + "\" is not categorical or boolean; conditions take those columns only"
                        : "the table has no column \"" + col + "\"") + " (categorical and boolean columns: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
            List<String> cats = transformer.categories(col);
            String value = e.getValue() == null ? "" : e.getValue();
            int k = value.isEmpty() ? cats.indexOf(null) : cats.indexOf(value);
            if (k < 0) {
                List<String> shown = cats.stream().map(x -> x == null ? "\"\" (missing)" : x).toList();
                throw new ConfigException("condition " + col + "=" + value + ": \"" + value + "\" never occurs in column "
                        + "\"" + col + "\" of the training rows (it holds " + String.join(", ", shown) + ")");
            }
            out.add(new int[]{c, k});
        }
        return out;
    }
}
