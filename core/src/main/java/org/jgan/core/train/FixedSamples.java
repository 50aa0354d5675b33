package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.StepScope;

/**
 * What a run's sample grids show, fixed for the whole run so that grids of different steps compare: one latent batch
 * drawn from the run's seed (with the conditions of the variant's {@link Conditioning}: classes 0, 1, ..., K-1, 0, ...
 * one per column, or a list of prompts one per row), or the variant's own sheet (image-to-image: input | output |
 * target). Owns its tensors. Each written grid is also measured for {@link HealthWatch}: whether its pixels are finite, and how far the latent batch's images differ.
 */
final class FixedSamples implements AutoCloseable {
    private final Tensor z;
    private final Tensor condition;
    private final SampleSheet sheet;
    private final TrainingData data;
    private final int columns;
    private double lastSpread = Double.NaN;
    private boolean lastFinite = true;

    FixedSamples(GanVariant variant, TrainConfig config, TrainingData data, Conditioning conditioning) {
        this.data = data;
        int n = config.schedule().sampleCount();
        columns = conditioning != null ? conditioning.columns(n) : 0;
        try (StepScope s = StepScope.open()) {
            z = s.keep(torch.randn(new long[]{n, config.model().latentDim()},
                    new GeneratorOptional(torch.createCPUGenerator(Seeds.derive(config.seed(), "samples", 0)))));
            condition = conditioning != null ? s.keep(conditioning.fixed(n)) : null;
        }
        sheet = data.images() == null ? null : variant.sampleSheet(config, data.images(), Seeds.derive(config.seed(), "samples", 1));
    }

    /** The fixed latent batch through {@code generator}, in [-1, 1], in the caller's scope. */
    Tensor generate(GanNet generator) {
        return Sampler.generate(generator, z, condition);
    }

    /** Writes the grid for {@code step} into {@code run}'s samples folder and returns its path. */
    Path write(RunDir run, long step, GanNet generator, Players players) throws IOException {
        try (StepScope s = StepScope.open()) {
            Tensor imgs = sheet != null ? Sampler.render(sheet, generator, players) : generate(generator);
            measure(imgs);
            int cols = sheet != null ? sheet.columns() : columns;
            return data.writeView(imgs, cols, run.samplesDir(), step);
        }
    }

    /**
     * Records whether {@code imgs} is finite and, for a latent batch of 2 or more, its spread: the mean absolute
     * difference of each pixel from the batch's mean image, in [-1, 1] units (0 when all images are the same). A
     * sheet's images are not a latent batch (inputs and targets differ anyway), so it gets no spread.
     */
    private void measure(Tensor imgs) {
        lastFinite = Double.isFinite(imgs.sum().item_double());
        lastSpread = sheet != null || imgs.size(0) < 2 || !lastFinite ? Double.NaN
                : imgs.sub(imgs.mean(new long[]{0}, true, new org.bytedeco.pytorch.ScalarTypeOptional())).abs().mean()
                        .item_double();
    }

    /** The spread of the last written grid's latent batch (see {@link #measure}); NaN when there is none. */
    double lastSpread() {
        return lastSpread;
    }

    /** Whether every pixel of the last written grid was finite. */
    boolean lastFinite() {
        return lastFinite;
    }

    @Override
    public void close() {
        z.close();
        if (condition != null) {
            condition.close();
        }
        if (sheet != null) {
            sheet.close();
        }
    }
}
