package org.jgan.models.stylegan2;

/**
 * What an unconditional StyleGAN2 training step (Karras et al. 2020, as jgan builds it) costs in floating-point
 * operations, counted from the architecture, so that a run's cost can be predicted before it starts: multiply-adds of
 * every convolution, transposed convolution, FIR filter and fully connected layer of one forward pass of G and of D,
 * then the passes of one step (below), two FLOP per multiply-add. Element-wise work (activations, modulation, noise,
 * the optimizer) is left out: it is memory traffic, not arithmetic. A conditional model's label embedding and
 * projection add a little that is not counted.
 *
 * <p>Passes per step, as the training loop runs them: G forward once (the fake is shared by both phases) and its
 * backward (data and weights, twice the forward); D forward on real and fake and both backwards (2 x 3); D forward on
 * the fake in G's phase and its backward to the input only (2); R1 every {@code r1Every} steps, whose gradient of a
 * gradient costs about three D forwards besides its own forward and backward (6, divided by the interval). A backward
 * pass's cost is taken as twice the forward's (Kaplan et al. 2020, "Scaling laws for neural language models").
 */
public final class StyleGan2Cost {
    private StyleGan2Cost() {
    }

    /** The side the networks work at for square images of side {@code imageSide}, as training builds them. */
    public static int networkSide(int imageSide) {
        return StyleGan2.resolution(new org.jgan.core.train.DataShape(1, imageSide, imageSide, 0));
    }

    /**
     * Multiply-adds of one generator forward pass for one image (the paper's mapping network of 8 layers, as
     * {@code bench-stylegan2} builds G, with style mixing; synthesis). The preset's 2 layers save 6 x 128 x 128
     * multiply-adds per latent, a small share of the synthesis network's.
     */
    public static double generatorMacs(int resolution, int width, int latentDim, int imageChannels,
                                       double styleMixing) {
        int[] ch = StyleGan2.channels(resolution, width);
        // the mapping runs again for the mixed-in latent on the mixed share of batches
        double macs = (1 + styleMixing) * StyleGan2Config.PAPER_MAPPING_LAYERS * (double) latentDim * latentDim;
        for (int level = 0, r = 4; level < ch.length; level++, r *= 2) {
            double in = ch[Math.max(0, level - 1)];
            double out = ch[level];
            if (r > 4) {
                // stride-2 transposed 3x3 on the (r/2)^2 input, then the 4x4 FIR to r^2 pixels per channel
                macs += latentDim * in + (r / 2.0) * (r / 2.0) * 9 * in * out + (double) r * r * 16 * out;
            }
            double c1in = r > 4 ? out : in;
            macs += latentDim * c1in + (double) r * r * 9 * c1in * out;
            macs += latentDim * out + (double) r * r * out * imageChannels;  // toRGB, 1x1
            if (r > 4) {
                macs += (r / 2.0) * (r / 2.0) * 16 * imageChannels;  // the skip image's FIR up-sampling
            }
        }
        return macs;
    }

    /** Multiply-adds of one discriminator forward pass for one image (residual blocks, minibatch deviation, head). */
    public static double discriminatorMacs(int resolution, int width, int imageChannels) {
        int[] ch = StyleGan2.channels(resolution, width);
        int top = ch.length - 1;
        double macs = (double) resolution * resolution * imageChannels * ch[top];
        for (int level = top, r = resolution; level > 0; level--, r /= 2) {
            double c = ch[level];
            double next = ch[level - 1];
            double half = (r / 2.0) * (r / 2.0);
            macs += (double) r * r * 9 * c * c;                 // conv0, 3x3
            macs += (r + 1.0) * (r + 1) * 16 * c + half * 9 * c * next;  // FIR, then the stride-2 3x3 conv1
            macs += half * 16 * c + half * c * next;            // skip: FIR down-sampling, then 1x1
        }
        double c4 = ch[0];
        return macs + 16 * 9 * (c4 + 1) * c4 + 16 * c4 * c4 + c4;
    }

    /** FLOP of one training step at {@code batch} images (passes as the class comment counts them). */
    public static double stepFlop(int resolution, int width, int latentDim, int imageChannels, double styleMixing,
                                  int r1Every, int batch) {
        double g = generatorMacs(resolution, width, latentDim, imageChannels, styleMixing);
        double d = discriminatorMacs(resolution, width, imageChannels);
        double r1 = r1Every > 0 ? 6.0 / r1Every : 0;
        return 2 * batch * (3 * g + (6 + 2 + r1) * d);
    }
}
