package org.jgan.models.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The mapping network of StyleGAN (Karras et al. 2019, section 2): z, normalised to unit second moment, goes through
 * fully connected layers (8 in the paper, 2 in stylegan2-ada-pytorch's CIFAR-10 config; learning rate x 0.01) to the
 * intermediate latent w, whose space is less entangled than z's. A conditional model embeds the class, normalises it
 * the same way and concatenates it to z.
 *
 * <p>The running mean of w ({@code w_avg}, decay 0.995 per training forward) is a registered buffer: it is saved in
 * checkpoints and copied into the EMA generator, so the truncation trick has its centre at sampling time.
 */
final class MappingNetwork extends Module {
    private static final double W_AVG_BETA = 0.995;
    private final List<EqualizedLinear> layers = new ArrayList<>();
    private final EqualizedLinear embed;
    private final Tensor wAvg;
    private final long numClasses;

    MappingNetwork(long zDim, long wDim, long numClasses, int depth, Generator gen) {
        this.numClasses = numClasses;
        this.embed = numClasses > 0 ? register_module("embed", new EqualizedLinear(numClasses, wDim, true, 0, 1.0,
                false, gen)) : null;
        long in = zDim + (numClasses > 0 ? wDim : 0);
        for (int i = 0; i < depth; i++) {
            layers.add(register_module("fc" + i, new EqualizedLinear(i == 0 ? in : wDim, wDim, true, 0, 0.01, true,
                    gen)));
        }
        this.wAvg = torch.zeros(wDim);
        register_buffer("w_avg", wAvg);
    }

    /** x / sqrt(mean(x^2) + 1e-8) over dim 1. */
    static Tensor normalize2ndMoment(Tensor x) {
        return x.mul(x.square().mean(new long[]{1}, true, new org.bytedeco.pytorch.ScalarTypeOptional())
                .add(new Scalar(1e-8)).rsqrt());
    }

    /** w for each z (N x wDim); updates w_avg when {@code track}. */
    Tensor forward(Tensor z, Tensor labels, boolean track) {
        Tensor x = normalize2ndMoment(z);
        if (embed != null) {
            if (labels == null) {
                throw new org.jgan.core.config.ConfigException("this generator is conditional: give class labels "
                        + "(one class index per latent)");
            }
            Tensor y = normalize2ndMoment(embed.forward(torch.one_hot(labels, numClasses).to(torch.ScalarType.Float)));
            x = torch.cat(new TensorVector(x, y), 1);
        }
        for (EqualizedLinear l : layers) {
            x = l.forward(x);
        }
        if (track) {
            try (NoGradGuard g = new NoGradGuard()) {
                // w_avg <- lerp(mean w, w_avg, beta)
                wAvg.copy_(x.detach().mean(new long[]{0}, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                        .lerp(wAvg, new Scalar(W_AVG_BETA)));
            }
        }
        return x;
    }

    /** w_avg + psi (w - w_avg). */
    Tensor truncate(Tensor w, double psi) {
        if (!Double.isFinite(psi)) {
            throw new org.jgan.core.config.ConfigException("truncation psi must be a finite number, got " + psi);
        }
        return psi == 1.0 ? w : wAvg.lerp(w, new Scalar(psi));
    }

    Tensor wAvg() {
        return wAvg;
    }
}
