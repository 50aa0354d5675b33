package org.jgan.api;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.train.DataShape;
import org.jgan.models.RunGenerator;
import org.jgan.models.mocogan.MoCoGanConfig;

/** What {@link GanModel} draws from seeds: images, and clips with their frames turned to 8-bit pixels. */
final class Draws {
    private Draws() {
    }

    /**
     * {@code n} clips from latent seed {@code seed}, clip i of class {@code labelOf(i)} for a conditional run;
     * {@code source} names where they came from (run and checkpoint).
     */
    static Clips clips(RunGenerator generator, String source, int n, long seed, IntUnaryOperator labelOf) {
        ConfigException.check(n >= 1 && n <= 100_000, "number of clips must be in 1..100000, got " + n);
        boolean conditional = generator.conditional();
        int[] labels = conditional ? java.util.stream.IntStream.range(0, n).map(labelOf).toArray() : null;
        float[] raw = generator.generateRaw(n, seed, !conditional ? null : (from, m) -> {
            long[] l = new long[m];
            for (int i = 0; i < m; i++) {
                l[i] = labels[from + i];
            }
            return org.jgan.engine.Tensors.fromLongs(l, m);
        });
        DataShape s = generator.shape();
        int frames = MoCoGanConfig.of(generator.config()).frames();
        byte[] px = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, Math.round((raw[i] + 1f) * 127.5f)));
        }
        return new Clips(source, s.channels(), frames, s.height(), s.width(), px, labels,
                labels == null ? List.of() : generator.classNames(), null, 0);
    }

    /** {@code n} images from latent seed {@code seed}, image i of class {@code labelOf(i)} for a conditional run. */
    static Samples images(RunGenerator generator, int n, long seed, IntUnaryOperator labelOf, double psi,
            int columns) {
        ConfigException.check(n >= 1 && n <= 1_000_000, "number of images must be in 1..1000000, got " + n);
        byte[] px = generator.generate(n, seed, labelOf, psi);
        int[] labels = generator.conditional() ? java.util.stream.IntStream.range(0, n).map(labelOf).toArray() : null;
        DataShape s = generator.shape();
        return new Samples(px, n, s.channels(), s.height(), s.width(), columns, labels);
    }
}
