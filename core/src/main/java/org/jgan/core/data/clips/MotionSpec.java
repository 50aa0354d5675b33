package org.jgan.core.data.clips;

import org.jgan.core.config.ConfigException;

/**
 * How moving Fashion-MNIST clips are made: {@code frames} frames of {@code size} x {@code size} pixels, with
 * {@code garments} 28x28 garments each moving at a constant speed drawn uniformly from [{@code minSpeed},
 * {@code maxSpeed}] pixels per frame in a uniform direction and bouncing off the frame's edges.
 */
public record MotionSpec(int frames, int size, int garments, double minSpeed, double maxSpeed) {
    /** The side of a Fashion-MNIST image. */
    public static final int GARMENT = 28;

    public MotionSpec {
        ConfigException.check(frames >= 2 && frames <= 64, "clips need 2 to 64 frames, got " + frames);
        ConfigException.check(size > GARMENT && size <= 128 && size % 8 == 0, "the clip frame size must be a "
                + "multiple of 8 above " + GARMENT + " and at most 128 pixels, got " + size);
        ConfigException.check(garments == 1 || garments == 2, "clips hold 1 or 2 garments, got " + garments);
        ConfigException.check(minSpeed >= 0 && maxSpeed >= minSpeed && maxSpeed <= size - GARMENT,
                "garment speeds must satisfy 0 <= minimum <= maximum <= " + (size - GARMENT) + " pixels per frame, "
                        + "got " + minSpeed + " to " + maxSpeed);
    }

    /** 16 frames of 48x48, one garment, 1 to 3 pixels per frame. */
    public static MotionSpec standard() {
        return new MotionSpec(16, 48, 1, 1.0, 3.0);
    }
}
