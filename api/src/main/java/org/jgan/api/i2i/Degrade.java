package org.jgan.api.i2i;

import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.models.srgan.Resampling;

/**
 * The degradation of the super-resolution protocol (Ledig et al. 2017): high-resolution originals are cut to sides
 * that are multiples of the scale, then downscaled by it, so the upscaled result can be compared with the originals
 * pixel for pixel. The downscaling is the one SRGAN trains on ({@link Resampling#downscale}).
 */
public final class Degrade {
    private Degrade() {
    }

    /** The top-left part of each image whose sides are multiples of {@code scale}; {@code d} itself when they are. */
    public static ImageFiles.Decoded crop(ImageFiles.Decoded d, int scale) {
        int h = d.height() / scale * scale;
        int w = d.width() / scale * scale;
        if (h == d.height() && w == d.width()) {
            return d;
        }
        if (h == 0 || w == 0) {
            throw new DataException("images of " + d.width() + "x" + d.height() + " are smaller than the scale "
                    + scale + " and cannot be downscaled by it");
        }
        int c = d.channels();
        byte[] px = new byte[d.size() * c * h * w];
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < c; k++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(d.pixels(), ((i * c + k) * d.height() + y) * d.width(), px,
                            ((i * c + k) * h + y) * w, w);
                }
            }
        }
        return new ImageFiles.Decoded(d.files(), c, h, w, px);
    }

    /** {@code originals} cropped by {@link #crop} and downscaled by {@code scale}: the inputs of the protocol. */
    public static ImageFiles.Decoded downscale(ImageFiles.Decoded originals, int scale) {
        return ImageBatches.map(crop(originals, scale), x -> Resampling.downscale(x, scale));
    }
}
