package org.jgan.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.train.Sampler;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.RunDir;

/**
 * A trained generator loaded from a run folder alone: config.json says which variant and data shape, the checkpoint
 * holds the weights. This is the "load a checkpoint and generate" that sampling, evaluation and export share.
 */
public final class RunGenerator implements AutoCloseable {
    private final TrainConfig config;
    private final DataShape shape;
    private final List<String> classNames;
    private final GanNet generator;
    private final Path checkpoint;
    private final boolean ema;
    private final boolean conditional;
    private final List<String> warnings;

    private RunGenerator(TrainConfig config, DataShape shape, List<String> classNames, GanNet generator,
                         Path checkpoint, boolean ema, boolean conditional, List<String> warnings) {
        this.conditional = conditional;
        this.warnings = List.copyOf(warnings);
        this.config = config;
        this.shape = shape;
        this.classNames = classNames;
        this.generator = generator;
        this.checkpoint = checkpoint;
        this.ema = ema;
    }

    /**
     * Loads the generator of {@code runDir} from {@code checkpoint} ("latest", "best", "step-000500", "500" or null
     * for the latest), the EMA weights when the run has them and {@code preferEma}. A checkpoint whose state.json or
     * generator weights do not read is damaged and fails with an IOException naming the file; for the latest, the
     * newest checkpoint that loads is taken instead, with a {@link #warnings() warning} saying so.
     */
    public static RunGenerator load(Path runDir, String checkpoint, boolean preferEma) throws IOException {
        Torch.ensureLoaded();
        RunDir run = new RunDir(runDir);
        TrainConfig config = run.readConfig();
        JsonNode ds = run.readConfigTree().path("provenance").path("dataset");
        JsonNode sh = ds.path("shape");
        if (!sh.isArray() || sh.size() != 3) {
            throw new ConfigException(run.configFile() + ": provenance.dataset.shape is missing or not [C, H, W]");
        }
        List<String> classes = new ArrayList<>();
        ds.path("classes").forEach(c -> classes.add(c.asText()));
        DataShape shape = new DataShape(sh.get(0).asInt(), sh.get(1).asInt(), sh.get(2).asInt(), classes.size());
        GanVariant variant = Variants.byName(config.model().name());
        shape = variant.runShape(runDir, shape);
        if (variant instanceof org.jgan.models.i2i.ImageToImage) {
            throw new ConfigException(runDir + ": a " + config.model().name() + " run maps images to images and does "
                    + "not generate from noise; use jgan translate or jgan upscale");
        }
        boolean latest = checkpoint == null || checkpoint.equals("latest");
        List<Path> candidates = new ArrayList<>(latest ? Checkpoints.list(runDir) : List.of());
        java.util.Collections.reverse(candidates);
        if (candidates.isEmpty()) {
            candidates.add(run.resolveCheckpoint(checkpoint));
        }
        List<String> warnings = new ArrayList<>();
        IOException newest = null;
        for (Path ckpt : candidates) {
            // A fresh network per try: a load that failed may have overwritten part of it.
            GanNet g = variant.buildGenerator(config, shape);
            try {
                Checkpoints.readState(ckpt);  // a damaged state.json: the checkpoint as a whole is not to be trusted
                Checkpoints.loadGenerator(ckpt, g, preferEma);
            } catch (IOException e) {
                g.close();
                newest = newest != null ? newest : e;
                warnings.add("checkpoint " + ckpt.getFileName() + " is damaged ("
                        + org.jgan.engine.NativeErrors.firstLine(e.getMessage()) + ")");
                continue;
            } catch (RuntimeException e) {
                g.close();
                throw e;
            }
            warnings.replaceAll(w -> w + "; using " + ckpt.getFileName() + " instead");
            g.eval();
            boolean usedEma = preferEma && java.nio.file.Files.exists(ckpt.resolve(Checkpoints.EMA_FILE));
            return new RunGenerator(config, shape, classes, g, ckpt, usedEma, variant.conditional(), warnings);
        }
        throw newest;
    }

    /** What loading had to work around (a damaged newest checkpoint), one line each; empty when nothing. */
    public List<String> warnings() {
        return warnings;
    }

    public TrainConfig config() {
        return config;
    }

    public DataShape shape() {
        return shape;
    }

    public List<String> classNames() {
        return classNames;
    }

    public GanNet generator() {
        return generator;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    /** True when the weights are the EMA copy. */
    public boolean ema() {
        return ema;
    }

    /** True when the generator takes class labels. */
    public boolean conditional() {
        return conditional;
    }

    /**
     * A class index from a user's class value: an index (0-based) or a class name, case-insensitive.
     */
    public int classIndex(String value) {
        if (!conditional) {
            throw new ConfigException("this run's model (" + config.model().name()
                    + ") is not conditional and takes no class; train a cgan for class control");
        }
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        try {
            int k = Integer.parseInt(value);
            if (k >= 0 && k < shape.numClasses()) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("'" + value + "' is not a class of this run; use 0.." + (shape.numClasses() - 1)
                + " or one of " + classNames);
    }

    /**
     * {@code n} images as unsigned bytes (N x C x H x W), drawn in chunks of 500 from one random generator seeded by
     * {@code seed}, image {@code i} of class {@code labelOf(i)} when the run is conditional, with truncation
     * {@code psi} (1: none; style-based generators only). The same seed and count give the same images.
     */
    public byte[] generate(int n, long seed, IntUnaryOperator labelOf, double psi) {
        return generate(n, seed, !conditional ? null : (from, m) -> {
            long[] l = new long[m];
            for (int i = 0; i < m; i++) {
                l[i] = labelOf.applyAsInt(from + i);
            }
            return Tensors.fromLongs(l, m);
        }, psi);
    }

    /**
     * As {@link #generate(int, long, IntUnaryOperator, double)} with any condition the generator takes (a caption's
     * word ids, ...): {@code conditionOf.apply(from, m)} makes the condition of images {@code from .. from+m-1} in the
     * chunk's scope; null when the generator takes none.
     */
    public byte[] generate(int n, long seed, java.util.function.BiFunction<Integer, Integer, Tensor> conditionOf,
                           double psi) {
        int per = shape.channels() * shape.height() * shape.width();
        byte[] all = new byte[Math.multiplyExact(checkCount(n), per)];
        chunks(n, seed, conditionOf, psi, (from, out) -> {
            byte[] b = ImageGrid.toBytes(out);
            System.arraycopy(b, 0, all, from * per, b.length);
        });
        return all;
    }

    /**
     * {@code n} outputs of the generator as they come, row-major floats (N x C x H x W; N x C x T x H x W for clips),
     * for generators that write something other than images (table rows, clips): drawn as
     * {@link #generate(int, long, java.util.function.BiFunction, double)} draws them, without truncation.
     */
    public float[] generateRaw(int n, long seed, java.util.function.BiFunction<Integer, Integer, Tensor> conditionOf) {
        checkCount(n);
        // The size of one output is the generator's (a clip is frames x C x H x W), so it is read off the first chunk.
        float[][] all = new float[1][];
        chunks(n, seed, conditionOf, 1.0, (from, out) -> {
            float[] f = Tensors.toFloats(out.contiguous());
            int per = f.length / (int) out.size(0);
            if (all[0] == null) {
                all[0] = new float[Math.multiplyExact(n, per)];
            }
            System.arraycopy(f, 0, all[0], from * per, f.length);
        });
        return all[0];
    }

    private static int checkCount(int n) {
        if (n < 1) {
            throw new ConfigException("the number of samples must be at least 1, got " + n);
        }
        return n;
    }

    /** G on {@code n} latents from one generator seeded by {@code seed}, in chunks of 500, each to {@code sink}. */
    private void chunks(int n, long seed, java.util.function.BiFunction<Integer, Integer, Tensor> conditionOf,
                        double psi, java.util.function.BiConsumer<Integer, Tensor> sink) {
        Generator rng = torch.createCPUGenerator(seed);
        try {
            int chunk = 500;
            for (int from = 0; from < n; from += chunk) {
                int m = Math.min(chunk, n - from);
                try (StepScope scope = StepScope.open()) {
                    Tensor z = torch.randn(new long[]{m, latentDim()}, new GeneratorOptional(rng));
                    Tensor condition = conditionOf == null ? null : conditionOf.apply(from, m);
                    sink.accept(from, Sampler.generate(generator, z, condition, psi));
                }
            }
        } finally {
            rng.close();
        }
    }

    /** As {@link #generate(int, long, IntUnaryOperator, double)}, classes cycling 0, 1, 2, ..., no truncation. */
    public byte[] generate(int n, long seed) {
        return generate(n, seed, i -> i % Math.max(1, shape.numClasses()), 1.0);
    }

    public int latentDim() {
        return config.model().latentDim();
    }

    @Override
    public void close() {
        generator.close();
    }
}
