package org.jgan.metrics.video;

import org.jgan.core.config.ConfigException;

/**
 * What a {@link VideoFeatureNet} takes and predicts: C x T x H x W clips, a number of content classes and a number of
 * motion-direction bins. Stored with the weights, so a feature file says which clips it was built for.
 */
public record VideoNetShape(int channels, int frames, int height, int width, int classes, int directions) {
    public VideoNetShape {
        if (channels != 1 && channels != 3) {
            throw new ConfigException("video feature network: clips must have 1 or 3 channels, got " + channels);
        }
        if (frames < 2 || height < 16 || width < 16) {
            throw new ConfigException("video feature network: clips must have at least 2 frames of 16x16 (four "
                    + "strided layers), got " + frames + " frames of " + height + "x" + width);
        }
        if (classes < 2 || directions < 2) {
            throw new ConfigException("video feature network: needs at least 2 classes and 2 direction bins, got "
                    + classes + " and " + directions);
        }
    }

    /** "1x16x48x48", as used in messages. */
    public String clipShape() {
        return channels + "x" + frames + "x" + height + "x" + width;
    }
}
