package org.jgan.api.synthetic;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Seeds;
import org.jgan.models.RunGenerator;

/**
 * The real data of an {@link AugmentExperiment}: the K images per class a conditional GAN was trained on, and the
 * held-out test split, read only to score.
 *
 * @param real the K-per-class training images, selected exactly as the GAN's training selected them
 * @param test the test split of the same source
 */
public record AugmentData(ImageDataset real, ImageDataset test) {
    /**
     * The data of {@code run}, checked to be {@code perClass} images per class of {@code source} (a data source
     * name such as "fashion-mnist"; a ":train" or ":test" suffix is ignored).
     *
     * @throws ConfigException when the run was trained on another source or another number of images per class
     */
    public static AugmentData of(RunGenerator run, String source, int perClass) {
        String base = withoutSplit(source);
        var d = run.config().data();
        if (d.perClass() != perClass || !withoutSplit(d.source()).equals(base)) {
            throw new ConfigException(run.checkpoint() + " was trained on " + d.source() + " with data.perClass="
                    + d.perClass() + "; the experiment needs a GAN trained only on the same " + perClass
                    + " real images per class of " + base + " (data.source=" + base + ", data.perClass=" + perClass
                    + ")");
        }
        return new AugmentData(realSubset(run.config()), DataSources.open(base + ":test"));
    }

    /** The K-per-class real images a run with {@code runConfig} was trained on, selected exactly as training did. */
    public static ImageDataset realSubset(TrainConfig runConfig) {
        return DataSources.forTraining(runConfig.data(), Seeds.derive(runConfig.seed(), "subset", 0));
    }

    private static String withoutSplit(String source) {
        return source.replaceAll(":(train|test)$", "");
    }
}
