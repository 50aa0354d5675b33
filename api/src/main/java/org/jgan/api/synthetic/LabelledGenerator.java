package org.jgan.api.synthetic;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jgan.core.config.ConfigException;
import org.jgan.models.RunGenerator;

/**
 * A source of labelled images: {@code n} images from latents seeded by {@code seed}, image {@code i} of class
 * {@code labelOf(i)}. A conditional run ({@link #of(RunGenerator)}) is the usual one; tests and other generators
 * implement it directly.
 */
public interface LabelledGenerator {
    /** What made the images, for data set names and messages (e.g. a checkpoint folder). */
    String name();

    /** Channels of every image: 1 (grayscale) or 3 (RGB). */
    int channels();

    /** Image height in pixels. */
    int height();

    /** Image width in pixels. */
    int width();

    /** The class names, index by index; their count is the number of classes. */
    List<String> classNames();

    /**
     * {@code n} images as unsigned bytes, N x C x H x W; the same arguments give the same images.
     *
     * @param n       how many images
     * @param seed    seed of the latents
     * @param labelOf the class of image {@code i}
     */
    byte[] generate(int n, long seed, IntUnaryOperator labelOf);

    /**
     * The generator of a conditional run, without truncation; the caller keeps closing {@code run}.
     *
     * @throws ConfigException when the run's model is not conditional
     */
    static LabelledGenerator of(RunGenerator run) {
        if (!run.conditional()) {
            throw new ConfigException(run.checkpoint() + ": model " + run.config().model().name() + " is not "
                    + "conditional; labelled synthetic data needs a conditional run (e.g. model cgan)");
        }
        return new LabelledGenerator() {
            @Override
            public String name() {
                return run.checkpoint().toString();
            }

            @Override
            public int channels() {
                return run.shape().channels();
            }

            @Override
            public int height() {
                return run.shape().height();
            }

            @Override
            public int width() {
                return run.shape().width();
            }

            @Override
            public List<String> classNames() {
                return run.classNames();
            }

            @Override
            public byte[] generate(int n, long seed, IntUnaryOperator labelOf) {
                return run.generate(n, seed, labelOf, 1.0);
            }
        };
    }
}
