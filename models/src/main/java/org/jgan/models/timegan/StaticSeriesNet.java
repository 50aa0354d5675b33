package org.jgan.models.timegan;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * One of TimeGAN's networks for windows that carry static features (Yoon et al. 2019, section 3: a static and a
 * temporal embedding, the temporal one conditioned on the static). A latent window is [batch, steps, 2 hidden]: the
 * temporal latent, then the static latent repeated at every step, so the losses, the supervisor's one-step shift and
 * the discriminator work on one tensor exactly as without statics. A data window is [batch, steps, statics +
 * temporal features], the statics first and the same at every step; what the recovery writes holds that by
 * construction, so a generated series never changes its static values over time.
 */
public final class StaticSeriesNet extends GanNet {
    /** Which of the networks this is; the discriminator needs no static part of its own. */
    public enum Role {
        /** data to latent: statics through a small MLP, the temporal features through GRUs given the static latent */
        EMBEDDER,
        /** noise to latent: the static latent from the first step's noise, the temporal latent from all steps' */
        GENERATOR,
        /** the next temporal latent from the whole latent; the static latent passes through unchanged */
        SUPERVISOR,
        /** latent to data: the statics from the static latent averaged over steps, the temporal features per step */
        RECOVERY
    }

    private final Role role;
    private final int statics;
    private final int hidden;
    private final SeriesNet temporal;
    private final LinearImpl first;
    private final LinearImpl second;

    /**
     * @param role     which network
     * @param in       per-step input width: the data's features (statics included) for the embedder, the noise
     *                 values per step for the generator, ignored otherwise
     * @param statics  static features (at least 1)
     * @param features all features of a data window (statics included)
     * @param hidden   units of the GRUs and of each half of the latent
     * @param layers   GRU layers
     */
    public StaticSeriesNet(Role role, int in, int statics, int features, int hidden, int layers) {
        this.role = role;
        this.statics = statics;
        this.hidden = hidden;
        int temporalIn = switch (role) {
            case EMBEDDER -> in - statics + hidden;
            case GENERATOR -> in + hidden;
            case SUPERVISOR, RECOVERY -> 2 * hidden;
        };
        int staticIn = switch (role) {
            case EMBEDDER -> statics;
            case GENERATOR -> in;
            case SUPERVISOR, RECOVERY -> hidden;
        };
        int temporalOut = role == Role.RECOVERY ? features - statics : hidden;
        temporal = register_module("temporal", new SeriesNet(temporalIn, hidden, role == Role.SUPERVISOR
                ? layers - 1 : layers, temporalOut, true));
        if (role == Role.SUPERVISOR) {
            first = null;
            second = null;
        } else {
            first = register_module("static1", Layers.linear(staticIn, hidden, true));
            second = register_module("static2", Layers.linear(hidden, role == Role.RECOVERY ? statics : hidden,
                    true));
        }
    }

    /** The static part through two linear layers, into [0, 1] as every latent and data value. */
    private Tensor staticMlp(Tensor x) {
        return second.forward(torch.relu(first.forward(x))).sigmoid();
    }

    /** {@code v} [batch, width] repeated at every one of {@code steps} steps. */
    private static Tensor repeat(Tensor v, long steps) {
        return v.unsqueeze(1).expand(new long[]{v.size(0), steps, v.size(1)});
    }

    private static Tensor cat(Tensor a, Tensor b) {
        return torch.cat(new TensorVector(a, b), 2);
    }

    @Override
    public Tensor forward(Tensor x, Tensor unused) {
        long steps = x.size(1);
        switch (role) {
            case EMBEDDER -> {
                Tensor hs = repeat(staticMlp(x.narrow(2, 0, statics).select(1, 0)), steps);
                return cat(temporal.forward(cat(x.narrow(2, statics, x.size(2) - statics), hs), null), hs);
            }
            case GENERATOR -> {
                Tensor hs = repeat(staticMlp(x.select(1, 0)), steps);
                return cat(temporal.forward(cat(x, hs), null), hs);
            }
            case SUPERVISOR -> {
                return cat(temporal.forward(x, null), x.narrow(2, hidden, hidden));
            }
            default -> {
                Tensor s = repeat(staticMlp(x.narrow(2, hidden, hidden).mean(new long[]{1}, false,
                        new org.bytedeco.pytorch.ScalarTypeOptional())), steps);
                return cat(s, temporal.forward(x, null));
            }
        }
    }
}
