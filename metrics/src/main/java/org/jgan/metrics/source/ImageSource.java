package org.jgan.metrics.source;

/**
 * Images to evaluate, read in order as unsigned bytes (N x C x H x W): a data set, or a generator that samples as it
 * goes so that large or high-resolution sample sets never sit in memory whole.
 */
public interface ImageSource {
    /** What to call the images in messages and results, e.g. "fashion-mnist:test" or "runs/dcgan@step-000937". */
    String name();

    int count();

    int channels();

    int height();

    int width();

    /** The next {@code n} images; called until {@link #count()} images have been read. */
    byte[] next(int n);
}
