package org.jgan.models.cgan;

import java.util.Set;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

/**
 * How the conditional GAN's generator takes its class and how it is kept varied within a class (section
 * {@code cgan} of a {@link TrainConfig}, {@link #SECTION}); other variants ignore it. Kept on resume: it shapes
 * the generator.
 *
 * @param labelInput {@code batchnorm}: z is G's only input and every batch norm's scale and shift is chosen by the
 *                   class (de Vries et al. 2017, the generator of Miyato and Koyama 2018); {@code onehot}: the
 *                   one-hot class is concatenated to z (Mirza and Osindero 2014) and the batch norms are plain;
 *                   {@code both}: the one-hot input and the class-conditional batch norms
 * @param modeSeeking weight of the mode-seeking term in G's loss ({@link org.jgan.core.reg.ModeSeeking}, Mao et al.
 *                    2019); 0 is off
 * @param generator  {@code dcgan}: DCGAN's generator ({@link CganGenerator}); {@code resnet}: SNGAN's residual
 *                   generator ({@link ResNetGenerator}); configs without the key get {@code dcgan}
 */
public record CganConfig(String labelInput, double modeSeeking, String generator) {
    /** The accepted values of {@code cgan.labelInput}. */
    public static final Set<String> LABEL_INPUTS = Set.of("batchnorm", "onehot", "both");

    /** The section {@code cgan} of a config. */
    public static final ConfigSection<CganConfig> SECTION = new ConfigSection<>("cgan", CganConfig.class,
            CganConfig::defaults, true);

    /** The accepted values of {@code cgan.generator}. */
    public static final Set<String> GENERATORS = Set.of("dcgan", "resnet");

    public CganConfig {
        generator = generator == null ? "dcgan" : generator;
        ConfigException.check(GENERATORS.contains(generator), "cgan.generator must be dcgan or resnet, got "
                + generator);
        ConfigException.check(labelInput != null && LABEL_INPUTS.contains(labelInput),
                "cgan.labelInput must be one of batchnorm, onehot, both; got " + labelInput);
        ConfigException.check(modeSeeking >= 0 && Double.isFinite(modeSeeking),
                "cgan.modeSeeking must be 0 (off) or positive, got " + modeSeeking);
    }

    /** These settings with DCGAN's generator. */
    public CganConfig(String labelInput, double modeSeeking) {
        this(labelInput, modeSeeking, "dcgan");
    }

    /** Class-conditional batch norm and no mode seeking: cgan runs as they were before the section existed. */
    public static CganConfig defaults() {
        return new CganConfig("batchnorm", 0);
    }

    /** These settings with generator {@code name} ({@link #GENERATORS}). */
    public CganConfig withGenerator(String name) {
        return new CganConfig(labelInput, modeSeeking, name);
    }

    /** The cgan settings of {@code config}. */
    public static CganConfig of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code cgan} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }

    /** Whether the one-hot class is concatenated to z. */
    public boolean oneHot() {
        return !labelInput.equals("batchnorm");
    }

    /** Whether the batch norms are class-conditional. */
    public boolean conditionalNorm() {
        return !labelInput.equals("onehot");
    }
}
