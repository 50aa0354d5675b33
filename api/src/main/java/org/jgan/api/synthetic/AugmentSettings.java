package org.jgan.api.synthetic;

import org.jgan.core.config.ConfigException;

/**
 * How an {@link AugmentExperiment} trains its classifiers.
 *
 * @param seeds   classifier seeds (1..seeds) per condition, at least 1
 * @param steps   training steps of about {@value AugmentExperiment#BATCH} real images each, at least 1
 * @param mixing  how the synthetic images join the augmented classifier's training
 * @param control also train a control per seed: the synthetic slots of every batch filled with the real images
 *                again (same count, same weight), which separates the synthetic images' effect from that of larger
 *                batches; needs added mixing
 */
public record AugmentSettings(int seeds, int steps, Mixing mixing, boolean control) {
    /**
     * Checks the settings.
     *
     * @throws ConfigException when a count is not positive, or a control is asked with pooled mixing
     */
    public AugmentSettings {
        if (seeds < 1 || steps < 1) {
            throw new ConfigException("an augmentation experiment needs at least 1 seed and 1 step, got " + seeds
                    + " seeds and " + steps + " steps");
        }
        if (mixing == null) {
            throw new ConfigException("an augmentation experiment needs a mixing (added or pooled)");
        }
        if (control && mixing.isPooled()) {
            throw new ConfigException("a control needs added mixing: pooled mixing has no synthetic slots in a batch "
                    + "to fill with real images");
        }
    }
}
