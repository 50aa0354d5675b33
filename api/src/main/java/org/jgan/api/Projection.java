package org.jgan.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The result of projecting an image into W (Karras et al. 2020, section 5): the w found, its image beside the
 * target, and how close it came. Made by {@link GanModel#project}; plain Java data.
 */
public final class Projection {
    private final float[] w;
    private final Samples pair;
    private final double mse;
    private final double initialMse;
    private final int steps;

    Projection(float[] w, Samples pair, double mse, double initialMse, int steps) {
        this.w = w;
        this.pair = pair;
        this.mse = mse;
        this.initialMse = initialMse;
        this.steps = steps;
    }

    /** The projected w (wDim values), the same for every layer of the synthesis network. */
    public float[] w() {
        return w.clone();
    }

    /** The target (image 0) and the projection's image (image 1), as the generator's pixels. */
    public Samples pair() {
        return pair;
    }

    /** The image of the projected w. */
    public BufferedImage image() {
        return pair.image(1);
    }

    /** Mean squared error between the projection's image and the target, pixels in [-1, 1]. */
    public double mse() {
        return mse;
    }

    /** The same error at the start, from the mean w: what the optimisation improved on. */
    public double initialMse() {
        return initialMse;
    }

    /** Optimisation steps taken. */
    public int steps() {
        return steps;
    }

    /** Writes target and projection side by side as a PNG file. */
    public Path writePair(Path png) throws IOException {
        return pair.writeGrid(png);
    }
}
