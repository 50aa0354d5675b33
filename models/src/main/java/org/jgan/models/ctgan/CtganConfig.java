package org.jgan.models.ctgan;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

/**
 * The CTGAN variant's own settings (section {@code ctgan} of a {@link TrainConfig}, {@link #SECTION}); the hidden
 * width of both networks is {@code model.width}, z's length {@code model.latentDim}. Kept on resume: they shape the
 * networks and the data split. Defaults are the paper's (Xu et al. 2019) and sdv-dev/CTGAN's.
 *
 * @param pac          rows the discriminator judges together (PacGAN, Lin et al. 2018); the batch must be a multiple
 * @param gumbelTau    temperature of the Gumbel-softmax that makes G's one-hots differentiable
 * @param holdout      share of the table's rows kept out of training (seeded), for the report's privacy and
 *                     utility checks; 0 trains on every row
 * @param logFrequency whether training-by-sampling picks a category with probability proportional to the log of its
 *                     frequency (the paper's choice, so rare categories are learned) rather than to its frequency
 * @param schema       a schema file declaring column types (empty: every type inferred)
 */
public record CtganConfig(int pac, double gumbelTau, double holdout, boolean logFrequency, String schema) {
    /** The section {@code ctgan} of a config. */
    public static final ConfigSection<CtganConfig> SECTION = new ConfigSection<>("ctgan", CtganConfig.class,
            CtganConfig::defaults, true);

    public CtganConfig {
        ConfigException.check(pac >= 1 && pac <= 64, "ctgan.pac must be in 1..64, got " + pac);
        ConfigException.check(gumbelTau > 0 && gumbelTau <= 10, "ctgan.gumbelTau must be in (0, 10], got "
                + gumbelTau);
        ConfigException.check(holdout >= 0 && holdout < 0.9, "ctgan.holdout must be in [0, 0.9), got " + holdout);
        schema = schema == null ? "" : schema;
    }

    /** pac 10, tau 0.2, 20% of the rows held out, log-frequency sampling, inferred types. */
    public static CtganConfig defaults() {
        return new CtganConfig(10, 0.2, 0.2, true, "");
    }

    /** The ctgan settings of {@code config}. */
    public static CtganConfig of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code ctgan} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }
}
