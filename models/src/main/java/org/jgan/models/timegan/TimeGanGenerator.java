package org.jgan.models.timegan;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.GanNet;

/**
 * What samples a TimeGAN (Yoon et al. 2019): noise per step through the generator into the latent space, one step
 * ahead through the supervisor, back to data by the recovery network. It holds those three networks as sub-modules,
 * so its checkpoint alone samples; the training step reaches each through {@link #generator()}, {@link #supervisor()}
 * and {@link #recovery()}, which the variant also registers as players of their own groups.
 */
public final class TimeGanGenerator extends GanNet {
    private final GanNet generator;
    private final GanNet supervisor;
    private final GanNet recovery;
    private final int steps;

    public TimeGanGenerator(int latentDim, int features, TimeGanConfig c) {
        if (latentDim % c.seqLen() != 0) {
            throw new ConfigException("model.latentDim (" + latentDim + ") must be a multiple of timegan.seqLen ("
                    + c.seqLen() + "): z holds the same noise length for every step");
        }
        this.steps = c.seqLen();
        int statics = c.statics().size();
        int noise = latentDim / steps;
        if (statics == 0) {
            generator = register_module("generator", new SeriesNet(noise, c.hidden(), c.layers(), c.hidden(), true));
            supervisor = register_module("supervisor", new SeriesNet(c.hidden(), c.hidden(), c.layers() - 1,
                    c.hidden(), true));
            recovery = register_module("recovery", new SeriesNet(c.hidden(), c.hidden(), c.layers(), features,
                    true));
        } else {
            generator = register_module("generator", new StaticSeriesNet(StaticSeriesNet.Role.GENERATOR, noise,
                    statics, features, c.hidden(), c.layers()));
            supervisor = register_module("supervisor", new StaticSeriesNet(StaticSeriesNet.Role.SUPERVISOR, 0,
                    statics, features, c.hidden(), c.layers()));
            recovery = register_module("recovery", new StaticSeriesNet(StaticSeriesNet.Role.RECOVERY, 0, statics,
                    features, c.hidden(), c.layers()));
        }
    }

    public GanNet generator() {
        return generator;
    }

    public GanNet supervisor() {
        return supervisor;
    }

    public GanNet recovery() {
        return recovery;
    }

    /**
     * z [batch, latentDim] ~ N(0, 1) as noise per step [batch, steps, latentDim / steps] ~ U[0, 1], the paper's
     * noise, through the normal distribution function (so samplers that draw normal z need nothing else).
     */
    public Tensor noise(Tensor z) {
        Tensor u = z.div(new org.bytedeco.pytorch.Scalar(Math.sqrt(2))).erf().add(new org.bytedeco.pytorch.Scalar(1))
                .mul(new org.bytedeco.pytorch.Scalar(0.5));
        return u.reshape(z.size(0), steps, z.size(1) / steps);
    }

    /** Windows [batch, steps, features] in [0, 1] (the data's scaled units) from z [batch, latentDim]. */
    @Override
    public Tensor forward(Tensor z, Tensor unused) {
        return recovery.forward(supervisor.forward(generator.forward(noise(z), null), null), null);
    }
}
