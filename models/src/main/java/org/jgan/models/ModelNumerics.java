package org.jgan.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.CaptionsFile;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Precision;

/**
 * The numerics self-check of the shipped models: one training step of a preset, at its own widths and batch size,
 * on generated 28 x 28 data (the size of the Fashion-MNIST presets; moving clips of them for the video presets), so
 * that every convolution configuration the preset runs is routed and checked against float64 by {@link Convolutions}
 * (forward, backward-data, backward-weights, and the double backward where R1 or the gradient penalty runs). A configuration that no route computes correctly on this CPU ends the
 * step with a {@link org.jgan.engine.NumericsException} naming it.
 */
public final class ModelNumerics {
    private ModelNumerics() {
    }

    /**
     * Whether {@code preset}'s model trains on images, and so has convolutions to check: table and series models
     * (ctgan, timegan) refuse images and have none.
     */
    public static boolean appliesTo(String preset) {
        TrainConfig base = Presets.byName(preset);
        try {
            Variants.byName(base.model().name()).checkData(DataShape.of(data(base.model().name(),
                    base.data().batch())), "generated images");
            return true;
        } catch (org.jgan.core.config.ConfigException e) {
            return false;
        }
    }

    /** Runs the check for {@code preset} (a name of {@link Presets}) and returns every configuration routed so far. */
    public static List<Convolutions.Entry> check(String preset) {
        return check(preset, Precision.FLOAT32);
    }

    /**
     * The same, the preset's networks computing in {@code precision} ({@code model.precision}); throws the trainer's
     * {@link org.jgan.core.config.ConfigException} where this CPU lacks it.
     */
    public static List<Convolutions.Entry> check(String preset, Precision precision) {
        TrainConfig named = Presets.byName(preset);
        TrainConfig base = named.withModel(named.model().withPrecision(precision));
        int batch = base.data().batch();
        TrainConfig config = base.withData(new DataConfig("generated", batch, true, 0, 0, false))
                .withSchedule(new ScheduleConfig(0, 1, 1, 1, 1, 1, 4));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jgan-numerics-");
            ImageDataset data = data(base.model().name(), batch);
            if (base.model().name().equals("text2image")) {
                // text2image reads its captions from a folder, so the generated images go into one with captions
                config = config.withData(new DataConfig(CaptionsFile.write(dir.resolve("data"), data,
                        Arrays.stream(data.labels()).mapToObj(l -> "a " + data.classNames().get(l)).toList())
                        .toString(), batch, true, 0, 0, false));
            }
            org.jgan.core.train.TrainingData trainOn = org.jgan.core.train.TrainingData.of(data);
            if (base.model().name().startsWith(org.jgan.models.mocogan.MoCoGan.NAME)) {
                // clips at the preset's frame count and size, made of the generated images moving
                trainOn = new org.jgan.models.mocogan.ClipData(new org.jgan.core.data.clips.MovingFashionMnist(data,
                        org.jgan.models.mocogan.MoCoGanConfig.of(base).motion(), 1, "generated clips"), 0);
            }
            try (Trainer t = new Trainer(Variants.byName(base.model().name()), config, trainOn, dir.resolve("run"))) {
                t.run(new TrainListener() { });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the numerics check of " + preset + " could not use a temporary folder", e);
        } finally {
            if (dir != null) {
                try {
                    AtomicFiles.deleteTree(dir);
                } catch (IOException e) {
                    // a temporary folder left behind is harmless
                }
            }
        }
        return Convolutions.routes();
    }

    private static ImageDataset data(String model, int batch) {
        return switch (model) {
            case "pix2pix" -> DemoTasks.edgesToGarment(SyntheticData.shapes(batch, 28, 1), "generated pairs");
            case "cyclegan" -> DemoTasks.classToClass(SyntheticData.shapes(3 * batch, 28, 2), 1, 2, 3,
                    "generated unpaired");
            default -> SyntheticData.shapes(batch, 28, 4);
        };
    }
}
