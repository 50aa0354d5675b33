package org.jgan.metrics.source;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Sampler;
import org.jgan.engine.StepScope;

/**
 * Images sampled from a generator as they are read: latents from one CPU generator seeded by {@code seed} (so the same
 * seed gives the same images, as {@code jgan sample} does), class labels cycling through the classes for conditional
 * models, outputs in [-1, 1] quantised to bytes exactly as saved samples are (so the metrics of a run equal those of
 * its exported images). The generator's train/eval mode is left as it was.
 */
public final class GeneratorSource implements ImageSource, AutoCloseable {
    private final GanNet generator;
    private final String name;
    private final int latentDim;
    private final DataShape shape;
    private final int count;
    private final Generator rng;
    private int pos;

    public GeneratorSource(GanNet generator, String name, int latentDim, DataShape shape, int count, long seed) {
        this.generator = generator;
        this.name = name;
        this.latentDim = latentDim;
        this.shape = shape;
        this.count = count;
        this.rng = torch.createCPUGenerator(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int channels() {
        return shape.channels();
    }

    @Override
    public int height() {
        return shape.height();
    }

    @Override
    public int width() {
        return shape.width();
    }

    @Override
    public byte[] next(int n) {
        try (StepScope scope = StepScope.open()) {
            Tensor z = torch.randn(new long[]{n, latentDim}, new GeneratorOptional(rng));
            Tensor labels = shape.numClasses() > 0 ? torch.arange(new Scalar(pos), new Scalar(pos + n))
                    .remainder(new Scalar(shape.numClasses())) : null;
            Tensor img = Sampler.generate(generator, z, labels);
            if (!torch.isfinite(img).all().item_bool()) {
                throw new DataException(name + ": the generator produced NaN or infinite pixels (images " + pos
                        + ".." + (pos + n - 1) + "); the checkpoint is broken or training diverged");
            }
            pos += n;
            return ImageGrid.toBytes(img);
        }
    }

    @Override
    public void close() {
        rng.close();
    }
}
