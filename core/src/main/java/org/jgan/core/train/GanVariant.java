package org.jgan.core.train;

import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;

/**
 * A kind of GAN: how to build its networks and which phases a training step has. A variant never runs backward,
 * steps optimizers or writes files; the {@link Trainer} does all of that, the same way for every variant.
 */
public interface GanVariant {
    /** The registry name, e.g. "dcgan". */
    String name();

    /** One line naming the paper, shown in --help and config.json. */
    String citation();

    /** Builds freshly initialised networks for images of {@code shape}, seeded by {@code seed}. */
    Players build(TrainConfig config, DataShape shape, long seed);

    /** Builds one more generator of the same architecture (the EMA copy); weights are overwritten by the caller. */
    GanNet buildGenerator(TrainConfig config, DataShape shape);

    /** True when the generator takes class labels; sample grids then show one class per column. */
    default boolean conditional() {
        return false;
    }

    /**
     * What the networks are conditioned on, made from the training data {@code data} (after subsetting): class labels
     * when {@link #conditional()}, else null, in which case the networks still get the data's labels, if any, and may
     * ignore them. Variants conditioned on something else (captions, table rows) return their own.
     */
    default Conditioning conditioning(TrainConfig config, TrainingData data) {
        return conditional() ? new ClassConditioning(data) : null;
    }

    /** The phases of one training step. */
    List<Phase> phases(TrainConfig config);

    /**
     * Opens the training data named by {@code config.data().source()}. Image-to-image variants override this to read
     * paired and unpaired folders and their demo tasks.
     */
    default ImageDataset openData(TrainConfig config) {
        return DataSources.open(config.data().source());
    }

    /**
     * The training data of a run: by default the images of {@link #openData}, subset as {@code config.data()} says
     * (a subset drawn with {@code subsetSeed}). Variants that train on other data (table rows, clips) read it here.
     */
    default TrainingData openTrainingData(TrainConfig config, long subsetSeed) {
        return TrainingData.of(DataSources.subset(openData(config), config.data(), subsetSeed));
    }

    /**
     * The data shape of a trained run in {@code runDir} for rebuilding its generator, given the one config.json
     * records ({@code recorded}); variants whose networks are sized by more than that (a table's row layout) read
     * what they saved with the run.
     */
    default DataShape runShape(java.nio.file.Path runDir, DataShape recorded) {
        return recorded;
    }

    /** Rejects data this variant cannot train on, naming it; the default takes single images only. */
    default void checkData(DataShape shape, String dataName) {
        if (shape.pairing() != null) {
            throw new ConfigException(name() + " trains on single images, but " + dataName + " holds image pairs; "
                    + "train pix2pix or cyclegan on them");
        }
    }

    /**
     * The sample grids' content when it is not G on a fixed latent batch (image-to-image variants show input |
     * output | target); null for the default. Built once, outside any step scope; the trainer closes it.
     */
    default SampleSheet sampleSheet(TrainConfig config, ImageDataset data, long seed) {
        return null;
    }

    /**
     * The global step from which the generator learns from the adversary: 0 by default; later for variants trained in
     * stages (TimeGAN pre-trains its autoencoder and supervisor first), so that alarms about a generator that ignores
     * its input wait for it to start.
     */
    default long generatorLearnsFrom(TrainConfig config) {
        return 0;
    }

    /**
     * A factor on the learning rates at global {@code step} of a run planned to end at {@code totalSteps}: 1 by
     * default; CycleGAN decays linearly to 0 over the second half. Variants never touch optimizers; the trainer
     * applies this before each step.
     */
    default double lrFactor(TrainConfig config, long step, long totalSteps) {
        return 1.0;
    }

    /**
     * The schedule CycleGAN made common (Zhu et al. 2017): a factor of 1 until {@code from} (a share, 0..1) of the
     * {@code totalSteps} planned, then falling linearly towards 0 at the last step; 1 throughout when {@code from}
     * is 1. For {@link #lrFactor}.
     */
    static double linearDecay(double from, long step, long totalSteps) {
        long start = (long) Math.floor(from * totalSteps);
        if (step < start || totalSteps <= start) {
            return 1.0;
        }
        return 1.0 - (double) (step - start) / (totalSteps - start);
    }
}
