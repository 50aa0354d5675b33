package org.jgan.metrics.classifier;

import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * How often a classifier puts images of each labelled class into each class: row = label, column = prediction. Its
 * rows answer questions accuracy alone does not, e.g. how many untranslated sneakers a classifier already calls ankle
 * boots (the baseline of CycleGAN's "put in the target class" figure).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** Classifies all of {@code data} (eval mode, batches of 500) and counts label/prediction pairs. */
    public static ConfusionMatrix of(ClassifierNet net, ImageDataset data) {
        if (!data.labelled()) {
            throw new DataException(data.name() + ": has no labels to measure accuracy with");
        }
        int classes = net.shape().classes();
        int rows = Math.max(classes, data.numClasses());
        long[][] counts = new long[rows][classes];
        boolean was = net.is_training();
        net.eval();
        try (NoGradGuard g = new NoGradGuard()) {
            for (int from = 0; from < data.size(); from += 500) {
                int[] idx = IntStream.range(from, Math.min(from + 500, data.size())).toArray();
                try (StepScope scope = StepScope.open()) {
                    Tensor pred = net.forward(Batches.images(data, idx)).argmax(new LongOptional(1), false);
                    long[] p = Tensors.toLongs(pred);
                    for (int i = 0; i < idx.length; i++) {
                        int label = data.labels()[idx[i]];
                        if (label >= rows) {
                            throw new DataException(data.name() + ": label " + label + " is beyond the "
                                    + classes + " classes of the classifier");
                        }
                        counts[label][(int) p[i]]++;
                    }
                }
            }
        } finally {
            net.train(was);
        }
        return new ConfusionMatrix(counts);
    }

    /** Images labelled {@code label} that the classifier put in class {@code predicted}. */
    public long count(int label, int predicted) {
        return counts[label][predicted];
    }

    /** Images labelled {@code label}. */
    public long rowTotal(int label) {
        long n = 0;
        for (long c : counts[label]) {
            n += c;
        }
        return n;
    }

    public long total() {
        long n = 0;
        for (int r = 0; r < counts.length; r++) {
            n += rowTotal(r);
        }
        return n;
    }

    /** Share of all images classified as their label. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < Math.min(counts.length, counts[0].length); c++) {
            right += counts[c][c];
        }
        return right / (double) total();
    }

    /** The matrix as text: one row per label present (named from {@code names} when given), counts, then accuracy. */
    public String format(List<String> names) {
        int cols = counts[0].length;
        StringBuilder s = new StringBuilder(String.format("%-16s", "label \\ predicted"));
        for (int c = 0; c < cols; c++) {
            s.append(String.format("%6d", c));
        }
        s.append("   images  correct\n");
        for (int r = 0; r < counts.length; r++) {
            long n = rowTotal(r);
            if (n == 0) {
                continue;
            }
            // IDX folders other than Fashion-MNIST name their classes "0", "1", ...: no need to say it twice.
            String name = r < names.size() && !names.get(r).equals(String.valueOf(r)) ? r + " " + names.get(r)
                    : String.valueOf(r);
            s.append(String.format("%-16.16s", name));
            for (int c = 0; c < cols; c++) {
                s.append(String.format("%6d", counts[r][c]));
            }
            s.append(String.format("  %7d  %6.2f%%%n", n, r < cols ? 100.0 * counts[r][r] / n : 0.0));
        }
        return s.toString();
    }
}
