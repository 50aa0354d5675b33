package org.jgan.api.synthetic;

import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.Batches;
import org.jgan.core.data.ImageDataset;

/** Class-balanced synthetic data sets, and mixing them with real ones. */
public final class SyntheticSets {
    private SyntheticSets() {
    }

    /**
     * {@code perClass} images of every class of {@code generator}, class by class (all of class 0 first), from
     * latents seeded by {@code seed}.
     *
     * @throws ConfigException when {@code perClass} is below 1
     */
    public static ImageDataset generate(LabelledGenerator generator, int perClass, long seed) {
        int[] labels = classByClass(generator, perClass);
        return dataset(generator, generator.generate(labels.length, seed, i -> i / perClass), labels);
    }

    /**
     * All of {@code real} plus {@code ratio * real.size()} images of {@code synthetic} (at most all of them),
     * spread evenly over it so a class-ordered set keeps every class's share, shuffled together in a fixed order.
     *
     * @throws ConfigException when the two sets' image shapes or classes differ, or {@code ratio} is not positive
     */
    public static ImageDataset mix(ImageDataset real, ImageDataset synthetic, double ratio) {
        if (real.channels() != synthetic.channels() || real.height() != synthetic.height()
                || real.width() != synthetic.width()) {
            throw new ConfigException(real.name() + ": images are " + real.channels() + "x" + real.height() + "x"
                    + real.width() + " but the synthetic ones (" + synthetic.name() + ") are " + synthetic.channels()
                    + "x" + synthetic.height() + "x" + synthetic.width());
        }
        if (!real.labelled() || !real.classNames().equals(synthetic.classNames())) {
            throw new ConfigException(real.name() + ": its classes " + real.classNames() + " differ from those of "
                    + synthetic.name() + " " + synthetic.classNames());
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new ConfigException("the ratio of synthetic to real images must be positive, got " + ratio);
        }
        int want = (int) Math.min(synthetic.size(), Math.round(real.size() * ratio));
        int[] synthIdx = new int[want];
        for (int i = 0; i < want; i++) {
            synthIdx[i] = (int) ((long) i * synthetic.size() / want);
        }
        ImageDataset s = synthetic.select(synthIdx, synthetic.name());
        int per = real.imageBytes();
        int n = real.size() + s.size();
        // seeded by the size, so the same sets always mix the same way
        int[] order = Batches.permutation(n, new SplittableRandom(n));
        byte[] px = new byte[n * per];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            ImageDataset from = src < real.size() ? real : s;
            int k = src < real.size() ? src : src - real.size();
            System.arraycopy(from.pixels(), k * per, px, i * per, per);
            labels[i] = from.labels()[k];
        }
        return new ImageDataset("mix", real.channels(), real.height(), real.width(), px, labels, real.classNames());
    }

    /** Labels 0 x perClass, 1 x perClass, ... for every class of {@code generator}. */
    static int[] classByClass(LabelledGenerator generator, int perClass) {
        if (perClass < 1) {
            throw new ConfigException("images per class must be at least 1, got " + perClass);
        }
        int[] labels = new int[Math.multiplyExact(perClass, generator.classNames().size())];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perClass;
        }
        return labels;
    }

    /** {@code pixels} and {@code labels} of {@code generator}'s images as a data set named after it. */
    static ImageDataset dataset(LabelledGenerator generator, byte[] pixels, int[] labels) {
        return new ImageDataset("synthetic:" + generator.name(), generator.channels(), generator.height(),
                generator.width(), pixels, labels, generator.classNames());
    }
}
