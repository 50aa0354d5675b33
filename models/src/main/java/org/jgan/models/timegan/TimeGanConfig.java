package org.jgan.models.timegan;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

/**
 * The TimeGAN variant's own settings (section {@code timegan} of a {@link TrainConfig}, {@link #SECTION}). Kept on
 * resume: they shape the networks and the windows.
 *
 * @param hidden          hidden units of every GRU and of the latent space (the paper: 24)
 * @param layers          GRU layers of each network (the paper: 3; the supervisor has one fewer)
 * @param seqLen          steps per window (the paper: 24)
 * @param stride          steps between the starts of consecutive windows cut from a long series
 * @param embeddingSteps  steps of the first stage: embedder and recovery learn to reconstruct
 * @param supervisedSteps steps of the second stage: the supervisor learns next-step latents; the joint stage follows
 * @param gamma           weight of the adversarial term on the generator's own latents (the paper: 1)
 * @param idColumn        long-format CSV: the column naming each series (empty: the file is one series)
 * @param timeColumn      the column to order rows by (empty: file order); it is not a feature
 * @param staticColumns   comma-separated columns that are constant within each series (the paper's static
 *                        features, such as a patient's age or sex): numeric, categorical or boolean; empty: none.
 *                        They need {@code idColumn}.
 * @param changeMoments   weight of the moment loss on step-to-step changes x[t + 1] - x[t] (their mean and spread
 *                        over the batch against the real windows'), relative to the paper's moment loss on values:
 *                        1 in the {@code timegan} preset, 0 (off: the paper's losses) by default and in configs
 *                        written before it existed. Without it the samples of noisy series come out near-flat: they
 *                        pass through the supervisor, which learns the expected next step, and flat lines at spread
 *                        levels meet the moments of the values
 * @param pairMoments     weight of the loss on how the features go together: the correlation of every pair of
 *                        features, of their values and of their step-to-step changes, pooled over the batch's
 *                        windows and steps, against the real batch's; the generated covariance is divided by the real
 *                        spreads, so the loss is in units of r. 0 (off) by default and in configs written before it
 *                        existed. Without it the generator drives every feature from one common source (sines of
 *                        independent frequencies came out with pair correlations of 0.55-0.97 against real 0.43-0.49)
 * @param aeChanges       weight of the autoencoder's loss on step-to-step changes, 10 sqrt(MSE) of the reconstructed
 *                        changes against the real ones, relative to the same of the values, in both its stages. 0
 *                        (off: the paper's) by default and in configs written before it existed. Without it the
 *                        reconstruction of a window's first steps is jittery, and every generated window goes through
 *                        the same recovery network
 * @param scaling         how windows are scaled to [0, 1] for the networks: {@code feature} (the paper's: each
 *                        feature by its min and max over all windows; the default, and in configs written before
 *                        this key) or {@code step} (each feature at each step by its own min and max, so where the
 *                        windows' steps spread differently, as the sines' first steps which all lie within 0.05, the
 *                        networks still see each step's spread in full; for windows cut from one long series the
 *                        two agree). With {@code feature} the autoencoder put every sine's first step at the mean;
 *                        with {@code step} it did not, but the generator's sines were told from real ones more
 *                        easily (docs/results.md), so the preset scales by feature
 * @param dataAdversary   weight of a second adversary that judges windows in the data space (a GRU discriminator on
 *                        R(H_hat) against real windows, trained with the latent one), relative to the latent
 *                        adversarial term; 1 in the {@code timegan} preset, 0 (off: the paper's) by default and in
 *                        configs written before it existed.
 *                        The latent discriminator never sees what the recovery network writes, and the windows are
 *                        judged (by TimeGAN's discriminative score) in the data space
 * @param lrDecayFrom     fraction of the planned steps after which every learning rate falls linearly towards 0 at
 *                        the last step (as CycleGAN's schedule); 1 (no decay) by default and in configs written
 *                        before this key. A run resumed with more steps recomputes the schedule from its new end
 * @param bendMoments     weight of the moment loss on the bends x[t + 1] - 2 x[t] + x[t - 1] (their mean and spread
 *                        over the batch against the real windows'), as {@code changeMoments} for the changes; 0 (off)
 *                        by default, in the preset and in configs written before it existed. The sines' generated
 *                        windows wobble around their arcs (second differences spreading 14x as much within a window
 *                        as real ones), which the moments of the values and of the changes let through; on one seed
 *                        weight 1 brought the discriminative score from 0.255 to 0.204, on a second seed it
 *                        raised it from 0.188 to 0.292 (docs/results.md)
 */
public record TimeGanConfig(int hidden, int layers, int seqLen, int stride, int embeddingSteps, int supervisedSteps,
                            double gamma, String idColumn, String timeColumn, String staticColumns,
                            Double changeMoments, Double pairMoments, Double aeChanges, String scaling,
                            Double dataAdversary, Double lrDecayFrom, Double bendMoments) {
    /** The section {@code timegan} of a config. */
    public static final ConfigSection<TimeGanConfig> SECTION = new ConfigSection<>("timegan", TimeGanConfig.class,
            TimeGanConfig::defaults, true);
    /** {@link #scaling}: each feature by its range over all windows and steps (the paper's). */
    public static final String FEATURE = "feature";
    /** {@link #scaling}: each feature at each step by its own range over the windows. */
    public static final String STEP = "step";

    public TimeGanConfig {
        ConfigException.check(hidden >= 1 && hidden <= 1024, "timegan.hidden must be in 1..1024, got " + hidden);
        ConfigException.check(layers >= 2 && layers <= 8, "timegan.layers must be in 2..8, got " + layers);
        ConfigException.check(seqLen >= 2 && seqLen <= 1000, "timegan.seqLen must be in 2..1000, got " + seqLen);
        ConfigException.check(stride >= 1, "timegan.stride must be at least 1, got " + stride);
        ConfigException.check(embeddingSteps >= 0 && supervisedSteps >= 0,
                "timegan.embeddingSteps and timegan.supervisedSteps must be 0 or positive");
        ConfigException.check(gamma >= 0, "timegan.gamma must be 0 or positive, got " + gamma);
        idColumn = idColumn == null ? "" : idColumn;
        timeColumn = timeColumn == null ? "" : timeColumn;
        staticColumns = staticColumns == null ? "" : staticColumns;
        changeMoments = changeMoments == null ? 0.0 : changeMoments;
        ConfigException.check(changeMoments >= 0 && changeMoments <= 1000, "timegan.changeMoments must be in "
                + "0..1000, got " + changeMoments);
        pairMoments = pairMoments == null ? 0.0 : pairMoments;
        ConfigException.check(pairMoments >= 0 && pairMoments <= 1000, "timegan.pairMoments must be in "
                + "0..1000, got " + pairMoments);
        aeChanges = aeChanges == null ? 0.0 : aeChanges;
        ConfigException.check(aeChanges >= 0 && aeChanges <= 1000, "timegan.aeChanges must be in 0..1000, got "
                + aeChanges);
        scaling = scaling == null ? FEATURE : scaling;
        ConfigException.check(scaling.equals(FEATURE) || scaling.equals(STEP), "timegan.scaling must be "
                + FEATURE + " or " + STEP + ", got '" + scaling + "'");
        dataAdversary = dataAdversary == null ? 0.0 : dataAdversary;
        ConfigException.check(dataAdversary >= 0 && dataAdversary <= 1000, "timegan.dataAdversary must be in "
                + "0..1000, got " + dataAdversary);
        bendMoments = bendMoments == null ? 0.0 : bendMoments;
        ConfigException.check(bendMoments >= 0 && bendMoments <= 1000, "timegan.bendMoments must be in "
                + "0..1000, got " + bendMoments);
        lrDecayFrom = lrDecayFrom == null ? 1.0 : lrDecayFrom;
        ConfigException.check(lrDecayFrom >= 0 && lrDecayFrom <= 1, "timegan.lrDecayFrom must be in [0, 1] (1: no "
                + "decay), got " + lrDecayFrom);
        ConfigException.check(staticColumns.isBlank() || !idColumn.isEmpty(), "timegan.staticColumns needs "
                + "timegan.idColumn: a static feature is one value per series, and without an id the data is one "
                + "series");
    }

    /** Settings without the moment loss on changes (the paper's losses). */
    public TimeGanConfig(int hidden, int layers, int seqLen, int stride, int embeddingSteps, int supervisedSteps,
                         double gamma, String idColumn, String timeColumn, String staticColumns) {
        this(hidden, layers, seqLen, stride, embeddingSteps, supervisedSteps, gamma, idColumn, timeColumn,
                staticColumns, 0.0, 0.0, 0.0, FEATURE, 0.0, 1.0, 0.0);
    }

    /** Settings without static features. */
    public TimeGanConfig(int hidden, int layers, int seqLen, int stride, int embeddingSteps, int supervisedSteps,
                         double gamma, String idColumn, String timeColumn) {
        this(hidden, layers, seqLen, stride, embeddingSteps, supervisedSteps, gamma, idColumn, timeColumn, "");
    }

    /** The static feature columns in order (empty when there are none). */
    public java.util.List<String> statics() {
        return java.util.Arrays.stream(staticColumns.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .toList();
    }

    /** The paper's networks (24 hidden, 3 layers, windows of 24) and losses, stages of 1,000 steps each. */
    public static TimeGanConfig defaults() {
        return new TimeGanConfig(24, 3, 24, 1, 1000, 1000, 1.0, "", "", "", 0.0, 0.0, 0.0, FEATURE, 0.0, 1.0, 0.0);
    }

    /** The timegan settings of {@code config}. */
    public static TimeGanConfig of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code timegan} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }

    /** These settings with {@code weight} as {@link #changeMoments}. */
    public TimeGanConfig withChangeMoments(double weight) {
        return with("changeMoments", weight);
    }

    /** These settings with {@code weight} as {@link #pairMoments}. */
    public TimeGanConfig withPairMoments(double weight) {
        return with("pairMoments", weight);
    }

    /** These settings with {@code weight} as {@link #aeChanges}. */
    public TimeGanConfig withAeChanges(double weight) {
        return with("aeChanges", weight);
    }

    /** These settings with {@code scaling} as {@link #scaling}. */
    public TimeGanConfig withScaling(String scaling) {
        return with("scaling", scaling);
    }

    /** These settings with {@code weight} as {@link #dataAdversary}. */
    public TimeGanConfig withDataAdversary(double weight) {
        return with("dataAdversary", weight);
    }

    /** These settings with {@code from} as {@link #lrDecayFrom}. */
    public TimeGanConfig withLrDecayFrom(double from) {
        return with("lrDecayFrom", from);
    }

    /** These settings with {@code weight} as {@link #bendMoments}. */
    public TimeGanConfig withBendMoments(double weight) {
        return with("bendMoments", weight);
    }

    /**
     * These settings with {@code key} (a component's name, as in config.json) set to {@code value}, by the same
     * mechanism as a config override ({@link ConfigJson#withOverrides}): a setting added to the record needs no change
     * here, and the compact constructor still validates (its {@link ConfigException} comes through as it is).
     */
    private TimeGanConfig with(String key, Object value) {
        return ConfigJson.withOverrides(this, java.util.List.of(key + "=" + value), TimeGanConfig.class);
    }

    /** Whether windows are scaled by step and feature ({@link #STEP}) rather than by feature. */
    public boolean scalesByStep() {
        return scaling.equals(STEP);
    }

    /** The first step of the joint stage. */
    public long jointFrom() {
        return (long) embeddingSteps + supervisedSteps;
    }
}
