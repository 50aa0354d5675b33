package org.jgan.models.text2image;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.Layers;

/**
 * Batch norm whose scale and shift come from the sentence embedding, {@code (1 + gamma(e)) * bn(x) + beta(e)} with
 * linear {@code gamma}, {@code beta}: the text-conditioned affine fusion of DF-GAN (Tao et al. 2022), and what
 * class-conditional batch norm (de Vries et al. 2017) becomes when the condition is a vector, not a class.
 */
final class TextBatchNorm extends Module {
    /** Spreads of the starting scales and shifts across captions, as the class-conditional norms of cgan start. */
    private static final double SCALE_SPREAD = 0.5;
    private static final double SHIFT_SPREAD = 1.0;
    private final BatchNorm2dImpl bn;
    private final LinearImpl gamma;
    private final LinearImpl beta;
    private final long features;
    private final long embedDim;

    TextBatchNorm(long embedDim, long features) {
        BatchNormOptions o = new BatchNormOptions(features);
        o.affine().put(false);
        bn = register_module("bn", new BatchNorm2dImpl(o));
        gamma = register_module("gamma", Layers.linear(embedDim, features, true));
        beta = register_module("beta", Layers.linear(embedDim, features, true));
        this.features = features;
        this.embedDim = embedDim;
    }

    /**
     * Weights such that captions change the scales by about {@value #SCALE_SPREAD} and the shifts by about
     * {@value #SHIFT_SPREAD} from the first step, for sentence embeddings of entries near 0.3 (a fresh encoder's):
     * with near-zero weights every caption would start as the same image and text would take thousands of steps to
     * steer G, as measured for cgan's class-conditional norms. Zero biases. Call after the generic initialiser.
     */
    void reset(long seed) {
        Generator gen = torch.createCPUGenerator(seed);
        double perEntry = 1.0 / (0.3 * Math.sqrt(embedDim));
        try (NoGradGuard g = new NoGradGuard()) {
            gamma.weight().normal_(0.0, SCALE_SPREAD * perEntry, new GeneratorOptional(gen));
            beta.weight().normal_(0.0, SHIFT_SPREAD * perEntry, new GeneratorOptional(gen));
            gamma.bias().zero_();
            beta.bias().zero_();
        }
        gen.close();
    }

    /** @param x N x C x H x W; @param e N x embedDim sentence embeddings */
    Tensor forward(Tensor x, Tensor e) {
        Tensor g = gamma.forward(e).add(new Scalar(1.0)).view(-1, features, 1, 1);
        Tensor b = beta.forward(e).view(-1, features, 1, 1);
        return torch.addcmul(b, bn.forward(x), g);
    }
}
