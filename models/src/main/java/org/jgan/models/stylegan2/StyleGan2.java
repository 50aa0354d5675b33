package org.jgan.models.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/**
 * StyleGAN2, Karras, Laine, Aittala, Hellsten, Lehtinen and Aila 2020, "Analyzing and Improving the Image Quality of
 * StyleGAN" (config F without the large widths): mapping network, modulated and demodulated convolutions, noise
 * inputs, skip generator, residual discriminator with minibatch standard deviation, equalized learning rate.
 *
 * <p>Training uses the core loop's phases: D with the configured loss (non-saturating in the preset) and lazy R1,
 * G on the same generated batch, and path-length regularisation as G's own lazy phase ("Greg", every
 * {@code stylegan2.plEvery} steps) when {@code stylegan2.plWeight > 0}. Style mixing happens inside the generator's
 * training forward with probability {@code stylegan2.styleMixing} ({@link StyleGan2Config}). {@code model.latentDim}
 * is the size of both z and w; {@code model.width} the channels of the low resolutions (halved per doubling above
 * 16x16); {@code stylegan2.mappingLayers} the depth of the mapping network; {@code stylegan2.mbstdGroup} how many
 * samples D's minibatch standard deviation compares.
 */
public final class StyleGan2 implements GanVariant {
    static final int MAX_RESOLUTION = 256;
    private final boolean conditional;

    /** @param conditional whether G and D take class labels ("stylegan2-cond") */
    public StyleGan2(boolean conditional) {
        this.conditional = conditional;
    }

    @Override
    public String name() {
        return conditional ? "stylegan2-cond" : "stylegan2";
    }

    @Override
    public String citation() {
        return "Karras et al. 2020, Analyzing and Improving the Image Quality of StyleGAN";
    }

    @Override
    public boolean conditional() {
        return conditional;
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        resolution(shape);
        // Settings of the DCGAN family that this architecture has no place for: refuse rather than ignore them.
        if (config.reg().spectralNorm()) {
            throw new ConfigException("reg.spectralNorm: stylegan2's discriminator uses the equalized learning rate, "
                    + "not spectral normalisation; leave it false (use reg.r1Gamma to regularise D)");
        }
        if (conditional && !config.model().condition().equals("projection")) {
            throw new ConfigException("model.condition: stylegan2-cond uses a projection discriminator; "
                    + config.model().condition() + " is not available for it");
        }
        StyleGan2Config s = StyleGan2Config.of(config);
        GanNet g = new StyleGan2Generator(config.model().latentDim(), config.model().width(), classes(shape),
                s.styleMixing(), s.mappingLayers(), seed);
        GanNet d = new StyleGan2Discriminator(config.model().width(), classes(shape), s.mbstdGroup(),
                seed + 1);
        return Players.of(g, d);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        StyleGan2Config s = StyleGan2Config.of(config);
        return new StyleGan2Generator(config.model().latentDim(), config.model().width(), classes(shape),
                s.styleMixing(), s.mappingLayers(), 0);
    }

    /** An unconditional model ignores the data's labels. */
    private DataShape classes(DataShape shape) {
        return conditional ? shape : new DataShape(shape.channels(), shape.height(), shape.width(), 0);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        List<Phase> phases = new ArrayList<>(TwoPlayerPhases.of(config));
        StyleGan2Config s = StyleGan2Config.of(config);
        if (s.plWeight() > 0) {
            phases.add(new Phase("Greg", Players.G, s.plEvery(), false, PathLength::loss));
        }
        return phases;
    }

    /** The side the networks work at: the smallest power of two, at least 4, that holds the images. */
    static int resolution(DataShape shape) {
        int side = Math.max(shape.height(), shape.width());
        if (side > MAX_RESOLUTION) {
            throw new ConfigException("stylegan2 handles images up to " + MAX_RESOLUTION + "x" + MAX_RESOLUTION
                    + ", got " + shape.height() + "x" + shape.width());
        }
        int r = 4;
        while (r < side) {
            r *= 2;
        }
        return r;
    }

    /**
     * Channels per resolution 4, 8, ..., R: {@code width} up to 16x16, then halved per doubling (the high resolutions
     * cost the most), never below 16 (or width, if smaller).
     */
    static int[] channels(int resolution, int width) {
        int levels = Integer.numberOfTrailingZeros(resolution) - 1;
        int[] ch = new int[levels];
        for (int i = 0, r = 4; i < levels; i++, r *= 2) {
            ch[i] = Math.min(width, Math.max(16, width * 16 / r));
        }
        return ch;
    }
}
