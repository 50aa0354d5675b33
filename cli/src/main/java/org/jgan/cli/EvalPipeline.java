package org.jgan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.api.GanModel;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.metrics.ClassCoverage;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.InceptionScore;
import org.jgan.metrics.Kid;
import org.jgan.metrics.PrecisionRecall;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.metrics.source.GeneratorSource;
import org.jgan.metrics.source.ImageSource;

/**
 * The stages of {@code jgan eval}, called one by one from the library and timed, for {@link EvalBenchCommand}: the
 * same calls {@code Evaluator} makes, except that the real images' features are computed here rather than read from
 * the feature cache, as the PyTorch side must compute them too.
 */
final class EvalPipeline {
    /** Images per batch of generation and features on both sides (the built-in classifier's batch). */
    static final int BATCH = 500;
    private final GanModel model;
    private final ClassifierFeatures fx;
    private final ImageDataset real;
    private final long seed;

    EvalPipeline(GanModel model, ClassifierFeatures fx, ImageDataset real, long seed) {
        this.model = model;
        this.fx = fx;
        this.real = real;
        this.seed = seed;
    }

    /** Runs every stage on {@code count} generated images; seconds per stage, their total and the metrics. */
    Map<String, Object> run(int count) {
        Map<String, Double> s = new LinkedHashMap<>();
        FeatureSet fake;
        long t0 = System.nanoTime();
        try (GeneratorSource gen = new GeneratorSource(model.generator().generator(), "bench-eval",
                model.generator().latentDim(), model.shape(), count, seed)) {
            Timed src = new Timed(gen);
            fake = FeatureRunner.extract(fx, src);
            s.put("generate", src.nanos / 1e9);
            s.put("features_fake", (System.nanoTime() - t0 - src.nanos) / 1e9);
        }
        long t = System.nanoTime();
        FeatureSet realF = FeatureRunner.extract(fx, new DatasetSource(real));
        s.put("features_real", lap(t));
        t = System.nanoTime();
        double fid = Fid.distance(FidStats.of(fake), FidStats.of(realF));
        s.put("fid", lap(t));
        t = System.nanoTime();
        Kid.Result kid = Kid.compute(realF, fake, seed);
        s.put("kid", lap(t));
        t = System.nanoTime();
        PrecisionRecall.Result pr = PrecisionRecall.compute(realF, fake);
        s.put("precision_recall", lap(t));
        t = System.nanoTime();
        InceptionScore.Result is = InceptionScore.compute(fake);
        ClassCoverage.of(fake);
        s.put("inception_score", lap(t));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", s);
        m.put("total", s.values().stream().mapToDouble(Double::doubleValue).sum());
        m.put("fid", fid);
        m.put("kid", kid.mean());
        m.put("precision", pr.precision());
        m.put("recall", pr.recall());
        m.put("inception_score", is.mean());
        return m;
    }

    private static double lap(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    /** The latents {@link GeneratorSource} draws for {@code count} images in batches of {@link #BATCH}. */
    NpyArray latents(int count) {
        int dim = model.generator().latentDim();
        double[] z = new double[count * dim];
        try (Generator rng = torch.createCPUGenerator(seed); StepScope scope = StepScope.open()) {
            for (int from = 0; from < count; from += BATCH) {
                int m = Math.min(BATCH, count - from);
                double[] batch = Tensors.toDoubles(torch.randn(new long[]{m, dim}, new GeneratorOptional(rng)));
                System.arraycopy(batch, 0, z, from * dim, batch.length);
            }
        }
        return new NpyArray(new long[]{count, dim}, z);
    }

    /** A module's parameters and buffers by name, each under {@code prefix}. */
    static void putWeights(Map<String, NpyArray> out, String prefix, Module net) {
        try (StepScope scope = StepScope.open()) {
            for (StringTensorDict d : new StringTensorDict[]{net.named_parameters(true), net.named_buffers(true)}) {
                for (long i = 0; i < d.size(); i++) {
                    Tensor v = d.get(i).value();
                    if (v.is_floating_point()) {
                        out.put(prefix + d.get(i).key().getString(), new NpyArray(Tensors.shape(v),
                                Tensors.toDoubles(v)));
                    }
                }
            }
        }
    }

    /** An image source that counts the time spent drawing images. */
    private static final class Timed implements ImageSource {
        private final ImageSource src;
        long nanos;

        Timed(ImageSource src) {
            this.src = src;
        }

        @Override
        public String name() {
            return src.name();
        }

        @Override
        public int count() {
            return src.count();
        }

        @Override
        public int channels() {
            return src.channels();
        }

        @Override
        public int height() {
            return src.height();
        }

        @Override
        public int width() {
            return src.width();
        }

        @Override
        public byte[] next(int n) {
            long t = System.nanoTime();
            byte[] b = src.next(n);
            nanos += System.nanoTime() - t;
            return b;
        }
    }
}
