package org.jgan.models.ctgan;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.table.MissingFill;

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
 * @param missingFill  what a missing number's value part holds in the training rows (beside its missing flag):
 *                     "draw", a value drawn from the column's fitted mixture (the {@code ctgan} preset), or "mean",
 *                     the column mean as CTGAN's reference transformer fills it (configs written before the key); see
 *                     {@link MissingFill}
 */
public record CtganConfig(int pac, double gumbelTau, double holdout, boolean logFrequency, String schema,
                          String missingFill) {
    /** The section {@code ctgan} of a config. */
    public static final ConfigSection<CtganConfig> SECTION = new ConfigSection<>("ctgan", CtganConfig.class,
            CtganConfig::defaults, true);

    public CtganConfig {
        ConfigException.check(pac >= 1 && pac <= 64, "ctgan.pac must be in 1..64, got " + pac);
        ConfigException.check(gumbelTau > 0 && gumbelTau <= 10, "ctgan.gumbelTau must be in (0, 10], got "
                + gumbelTau);
        ConfigException.check(holdout >= 0 && holdout < 0.9, "ctgan.holdout must be in [0, 0.9), got " + holdout);
        schema = schema == null ? "" : schema;
        missingFill = missingFill == null ? MissingFill.MEAN.key() : missingFill;  // absent: as older runs trained
        MissingFill.of(missingFill, "ctgan.missingFill");
    }

    /**
     * pac 10, tau 0.2, 20% of the rows held out, log-frequency sampling, inferred types, missing numbers filled with
     * the mean (the reference transformer's, and what a config written before the key trained with: an absent key
     * takes this default); the {@code ctgan} preset draws them.
     */
    public static CtganConfig defaults() {
        return new CtganConfig(10, 0.2, 0.2, true, "", MissingFill.MEAN.key());
    }

    /** These settings with missing numbers filled as {@code fill} says. */
    public CtganConfig withFill(MissingFill fill) {
        return new CtganConfig(pac, gumbelTau, holdout, logFrequency, schema, fill.key());
    }

    /** How missing numbers are filled in the training rows. */
    public MissingFill fill() {
        return MissingFill.of(missingFill, "ctgan.missingFill");
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
