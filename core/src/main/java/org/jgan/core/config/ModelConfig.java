package org.jgan.core.config;

/**
 * Which variant to train and its shape.
 *
 * @param name      a registered variant ("dcgan", "vanilla", ...)
 * @param latentDim length of the Gaussian latent vector z
 * @param loss      adversarial loss: non-saturating, minimax, hinge, wasserstein, least-squares
 * @param width     channel multiplier of the networks (64 gives the published DCGAN widths)
 */
public record ModelConfig(String name, int latentDim, String loss, int width) {
    public ModelConfig {
        ConfigException.check(name != null && !name.isBlank(), "model.name is empty; give a model such as dcgan");
        ConfigException.check(latentDim >= 1 && latentDim <= 4096,
                "model.latentDim must be in 1..4096, got " + latentDim);
        ConfigException.check(loss != null && !loss.isBlank(), "model.loss is empty");
        ConfigException.check(width >= 1 && width <= 1024, "model.width must be in 1..1024, got " + width);
    }
}
