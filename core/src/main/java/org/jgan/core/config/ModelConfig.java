package org.jgan.core.config;

import org.jgan.engine.Precision;

/**
 * Which variant to train and its shape.
 *
 * @param name      a registered variant ("dcgan", "vanilla", ...)
 * @param latentDim length of the Gaussian latent vector z
 * @param loss      adversarial loss: non-saturating, minimax, hinge, wasserstein, least-squares
 * @param width     channel multiplier of the networks (64 gives the published DCGAN widths)
 * @param dNorm     normalisation inside the discriminator: batch or none (WGAN-GP's critic must not use batch norm)
 * @param condition how a conditional model uses labels in D: projection (Miyato and Koyama 2018) or acgan (an
 *                  auxiliary classifier, Odena et al. 2017)
 * @param precision what the networks' convolutions compute in: float32, or bfloat16 (mixed precision on CPUs with
 *                  bfloat16 instructions, {@link org.jgan.engine.Precision})
 */
public record ModelConfig(String name, int latentDim, String loss, int width, String dNorm, String condition,
                          String precision) {
    public ModelConfig {
        ConfigException.check(name != null && !name.isBlank(), "model.name is empty; give a model such as dcgan");
        ConfigException.check(latentDim >= 1 && latentDim <= 4096,
                "model.latentDim must be in 1..4096, got " + latentDim);
        ConfigException.check(loss != null && !loss.isBlank(), "model.loss is empty");
        ConfigException.check(width >= 1 && width <= 1024, "model.width must be in 1..1024, got " + width);
        ConfigException.check("batch".equals(dNorm) || "none".equals(dNorm),
                "model.dNorm must be batch or none, got '" + dNorm + "'");
        ConfigException.check("projection".equals(condition) || "acgan".equals(condition),
                "model.condition must be projection or acgan, got '" + condition + "'");
        Precision p = Precision.byName(precision);
        ConfigException.check(p != null, "model.precision must be float32 or bfloat16, got '" + precision + "'");
        precision = p.label();
    }

    /** The shared settings with float32 precision. */
    public ModelConfig(String name, int latentDim, String loss, int width, String dNorm, String condition) {
        this(name, latentDim, loss, width, dNorm, condition, Precision.FLOAT32.label());
    }

    public ModelConfig(String name, int latentDim, String loss, int width) {
        this(name, latentDim, loss, width, "batch", "projection");
    }

    public ModelConfig withName(String n) {
        return new ModelConfig(n, latentDim, loss, width, dNorm, condition, precision);
    }

    /** These settings with {@code loss} as the adversarial loss. */
    public ModelConfig withLoss(String l) {
        return new ModelConfig(name, latentDim, l, width, dNorm, condition, precision);
    }

    /** These settings with {@code d} as D's normalisation. */
    public ModelConfig withDNorm(String d) {
        return new ModelConfig(name, latentDim, loss, width, d, condition, precision);
    }

    /** These settings computing in {@code p}. */
    public ModelConfig withPrecision(Precision p) {
        return new ModelConfig(name, latentDim, loss, width, dNorm, condition, p.label());
    }

    /** {@link #precision} as the engine's enum. */
    public Precision precisionMode() {
        return Precision.byName(precision);
    }
}
