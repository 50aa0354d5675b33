package org.jgan.models.ctgan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.JsonFiles;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.train.ConditionedRows;
import org.jgan.core.train.Conditioning;
import org.jgan.engine.Tensors;

/**
 * CTGAN's conditional vector and training-by-sampling (Xu et al. 2019, section 4.3). The vector holds one one-hot
 * per categorical or boolean column, laid out in table order; a condition sets one category of one column. For each
 * row of a training batch a column is chosen uniformly, then one of its categories with probability proportional to
 * the log of its frequency (so rare categories are trained on far more often than they occur), then a real row that
 * has it: the step's real rows and conditions match, and G learns to honour every category. The rows of the data
 * order are not used: this draw replaces them, from the batch's own seed, so a resumed run draws the same.
 *
 * <p>The fixed sample view draws its conditions from the categories' real frequencies, as CTGAN does when it samples
 * without a condition, so that the view's rows can be read as a sample of the table.
 */
final class TableConditioning implements Conditioning {
    static final String FREQUENCIES = "category-counts.json";
    static final String FREQUENCIES_FORMAT = "jgan-ctgan-category-counts";

    private final TableRows data;
    private final List<OutputSpan> discrete;
    /** Where each discrete column's one-hot starts in the conditional vector. */
    private final int[] offsets;
    private final int width;
    /** rows[column][category]: the training rows that have it. */
    private final int[][][] rows;
    private final double[][] trainingOdds;
    private final double[][] realOdds;

    TableConditioning(TableRows data, boolean logFrequency) {
        this.data = data;
        this.discrete = data.transformer().discreteSpans();
        this.offsets = new int[discrete.size()];
        for (int c = 1; c < offsets.length; c++) {
            offsets[c] = offsets[c - 1] + discrete.get(c - 1).length();
        }
        this.width = discrete.stream().mapToInt(OutputSpan::length).sum();
        rows = new int[discrete.size()][][];
        trainingOdds = new double[discrete.size()][];
        realOdds = new double[discrete.size()][];
        for (int c = 0; c < discrete.size(); c++) {
            OutputSpan s = discrete.get(c);
            List<List<Integer>> by = new ArrayList<>();
            for (int k = 0; k < s.length(); k++) {
                by.add(new ArrayList<>());
            }
            for (int r = 0; r < data.size(); r++) {
                by.get(slot(r, s)).add(r);
            }
            rows[c] = new int[s.length()][];
            double[] train = new double[s.length()];
            double[] real = new double[s.length()];
            for (int k = 0; k < s.length(); k++) {
                rows[c][k] = by.get(k).stream().mapToInt(Integer::intValue).toArray();
                real[k] = rows[c][k].length;
                train[k] = logFrequency ? Math.log(rows[c][k].length + 1.0) : rows[c][k].length;
            }
            trainingOdds[c] = cumulative(train);
            realOdds[c] = cumulative(real);
        }
    }

    private int slot(int r, OutputSpan s) {
        for (int k = 0; k < s.length(); k++) {
            if (data.value(r, s.start() + k) > 0.5f) {
                return k;
            }
        }
        throw new IllegalStateException("row " + r + " has no category in column " + s.column());
    }

    static double[] cumulative(double[] w) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double[] cum = new double[w.length];
        double run = 0;
        for (int k = 0; k < w.length; k++) {
            run += w[k];
            cum[k] = total > 0 ? run / total : (k + 1.0) / w.length;
        }
        return cum;
    }

    static int pick(double[] cum, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int k = 0; k < cum.length; k++) {
            if (u < cum[k]) {
                return k;
            }
        }
        return cum.length - 1;
    }

    /** The category spans, in the order the conditional vector lays out their one-hots. */
    List<OutputSpan> discrete() {
        return discrete;
    }

    /** Length of the conditional vector. */
    int width() {
        return width;
    }

    /** Position of column {@code c}'s (of {@link #discrete}) one-hot in the conditional vector. */
    int offset(int c) {
        return offsets[c];
    }

    @Override
    public ConditionedRows draw(int[] idx, long seed) {
        if (discrete.isEmpty()) {
            return new ConditionedRows(idx, batch(idx));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int n = idx.length;
        float[] cond = new float[n * width];
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(discrete.size());
            int k = pick(trainingOdds[c], rng);
            int[] have = rows[c][k];
            chosen[i] = have[rng.nextInt(have.length)];
            cond[i * width + offset(c) + k] = 1f;
        }
        return new ConditionedRows(chosen, Tensors.fromFloats(cond, n, width));
    }

    /** Conditions of rows {@code idx} themselves: each row's category in a column chosen by the row's index. */
    @Override
    public Tensor batch(int[] idx) {
        float[] cond = new float[idx.length * width];
        for (int i = 0; i < idx.length && !discrete.isEmpty(); i++) {
            int c = idx[i] % discrete.size();
            cond[i * width + offset(c) + slot(idx[i], discrete.get(c))] = 1f;
        }
        return Tensors.fromFloats(cond, idx.length, width);
    }

    @Override
    public Tensor fixed(int n) {
        return realFrequency(n, new SplittableRandom(0));
    }

    /** {@code n} conditions drawn as CTGAN samples without one: a column uniformly, a category by its frequency. */
    Tensor realFrequency(int n, SplittableRandom rng) {
        float[] cond = new float[n * width];
        for (int i = 0; i < n && !discrete.isEmpty(); i++) {
            int c = rng.nextInt(discrete.size());
            cond[i * width + offset(c) + pick(realOdds[c], rng)] = 1f;
        }
        return Tensors.fromFloats(cond, n, width);
    }

    @Override
    public int columns(int n) {
        return 10;
    }

    /** Writes each column's category counts into the run's table folder; sampling draws conditions from them. */
    @Override
    public void save(Path runDir) throws IOException {
        java.nio.file.Files.createDirectories(runDir.resolve(TableRows.DIR));
        ObjectNode root = JsonFiles.start(FREQUENCIES_FORMAT, 1);
        ArrayNode cols = root.putArray("columns");
        for (int c = 0; c < discrete.size(); c++) {
            ObjectNode o = cols.addObject().put("column", discrete.get(c).column());
            ArrayNode counts = o.putArray("counts");
            for (int[] have : rows[c]) {
                counts.add(have.length);
            }
        }
        JsonFiles.write(runDir.resolve(TableRows.DIR).resolve(FREQUENCIES), root, "category counts");
    }
}
