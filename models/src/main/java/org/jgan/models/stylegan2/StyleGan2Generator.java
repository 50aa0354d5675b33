package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.StochasticGenerator;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.core.train.DataShape;

/**
 * The StyleGAN2 generator (Karras et al. 2020): {@link MappingNetwork} z -> w, broadcast to one w per layer, and
 * {@link SynthesisNetwork} ws -> image. It works at R, the smallest power of two that holds the data's images, and
 * crops the centre H x W out of its output; so on Fashion-MNIST (R = 32) it hands out 28x28 images like the data, and
 * samples, grids and IDX exports compare with the real images directly. The discriminator pads back to R x R.
 *
 * <p>Training forwards ({@link #forward(Tensor, Tensor, GeneratorOptional)}) draw per-pixel noise and style mixing
 * (Karras et al. 2019, section 3.1: with probability {@code mixing} the ws from a second z take over from a random
 * layer on) from the step's random generator and update w_avg. Eval forwards use the fixed noise and no mixing.
 * {@code pl_mean}, the running mean of path lengths, is a buffer here so checkpoints keep it.
 */
public final class StyleGan2Generator extends GanNet implements StyleGenerator, StochasticGenerator {
    private final MappingNetwork mapping;
    private final SynthesisNetwork synthesis;
    private final DataShape shape;
    private final int resolution;
    private final int latentDim;
    private final double mixing;
    private final Tensor plMean;

    /** With the paper's mapping network of 8 layers. */
    public StyleGan2Generator(int latentDim, int width, DataShape shape, double mixing, long seed) {
        this(latentDim, width, shape, mixing, StyleGan2Config.PAPER_MAPPING_LAYERS, seed);
    }

    /**
     * @param mappingLayers fully connected layers of the mapping network
     */
    public StyleGan2Generator(int latentDim, int width, DataShape shape, double mixing, int mappingLayers,
                              long seed) {
        this.shape = shape;
        this.resolution = StyleGan2.resolution(shape);
        this.latentDim = latentDim;
        this.mixing = mixing;
        Generator gen = torch.createCPUGenerator(seed);
        this.mapping = register_module("mapping", new MappingNetwork(latentDim, latentDim, shape.numClasses(),
                mappingLayers, gen));
        this.synthesis = register_module("synthesis", new SynthesisNetwork(resolution, latentDim,
                StyleGan2.channels(resolution, width), shape.channels(), gen));
        this.plMean = torch.zeros(1);
        register_buffer("pl_mean", plMean);
    }

    /** Sampling (eval): fixed noise, no mixing. In train mode this is a training forward on the global RNG. */
    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        return is_training() ? forward(z, labels, new GeneratorOptional()) : forward(z, labels, 1.0);
    }

    /** A training forward; all randomness from {@code rng}. */
    @Override
    public Tensor forward(Tensor z, Tensor labels, GeneratorOptional rng) {
        return synthesize(trainingWs(z, labels, rng), rng);
    }

    /** ws of a training forward: w_avg tracked, and styles mixed with a second latent with probability mixing. */
    Tensor trainingWs(Tensor z, Tensor labels, GeneratorOptional rng) {
        int n = numWs();
        Tensor ws = broadcast(mapping.forward(z, labels, true));
        if (mixing > 0) {
            // two uniforms: whether to mix, and where (layers 1 .. numWs - 1 take the second latent's ws)
            float[] r = new float[2];
            torch.rand(new long[]{2}, rng).data_ptr_float().get(r);
            if (r[0] < mixing) {
                int cutoff = 1 + Math.min(n - 2, (int) (r[1] * (n - 1)));
                Tensor w2 = broadcast(mapping.forward(torch.randn(new long[]{z.size(0), latentDim}, rng), labels,
                        false));
                ws = torch.cat(new TensorVector(ws.narrow(1, 0, cutoff), w2.narrow(1, cutoff, n - cutoff)), 1);
            }
        }
        return ws;
    }

    /** Images from ws, cropped to the data's size; noise from {@code rng}, or the fixed noise when null. */
    Tensor synthesize(Tensor ws, GeneratorOptional rng) {
        Tensor img = synthesis.forward(ws, rng);
        return crop(img);
    }

    Tensor crop(Tensor img) {
        long top = (resolution - shape.height()) / 2;
        long left = (resolution - shape.width()) / 2;
        // by the sizes, not the offsets: a side of R - 1 has offset 0 but still needs its crop
        return shape.height() == resolution && shape.width() == resolution ? img
                : img.narrow(2, top, shape.height()).narrow(3, left, shape.width());
    }

    private Tensor broadcast(Tensor w) {
        return w.unsqueeze(1).expand(-1, numWs(), -1);
    }

    @Override
    public Tensor mapping(Tensor z, Tensor labels, double psi) {
        return mapping.truncate(broadcast(mapping.forward(z, labels, false)), psi);
    }

    @Override
    public Tensor synthesis(Tensor ws) {
        return synthesize(ws, null);
    }

    @Override
    public int numWs() {
        return synthesis.numWs();
    }

    @Override
    public int wResolution(int index) {
        return synthesis.wResolution(index);
    }

    @Override
    public Tensor meanW() {
        return mapping.wAvg();
    }

    SynthesisNetwork synthesisNetwork() {
        return synthesis;
    }

    /** The running mean of path lengths (a 1-element buffer). */
    Tensor plMean() {
        return plMean;
    }

    int resolution() {
        return resolution;
    }

    DataShape shape() {
        return shape;
    }
}
