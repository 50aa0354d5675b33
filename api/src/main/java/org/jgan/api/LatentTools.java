package org.jgan.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.Pixels;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Sampler;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.models.Interpolation;
import org.jgan.models.Latents;
import org.jgan.models.RunGenerator;
import org.jgan.models.stylegan2.Projector;
import org.jgan.models.stylegan2.StyleMixing;

/**
 * The latent-space tools behind {@link GanModel}: style mixing, walks from seed to seed and projection. Latents are
 * named by seeds ({@link Latents#z}), so every image here is the one {@code GanModel.sample(1, seed)} gives.
 */
final class LatentTools {
    private LatentTools() {
    }

    /** The generator as a style-based one, or a refusal saying that {@code what} needs one. */
    static StyleGenerator styleBased(RunGenerator rg, String what) {
        if (rg.generator() instanceof StyleGenerator g) {
            return g;
        }
        throw new ConfigException(what + " needs a style-based model such as stylegan2; this run is "
                + rg.config().model().name());
    }

    /** The class index of every image, or null for an unconditional run; a conditional run must be given one. */
    static Long label(RunGenerator rg, String cls) {
        Long label = cls == null ? null : (long) rg.classIndex(cls);
        if (rg.conditional() && label == null) {
            throw new ConfigException("this run is conditional: give a class (an index or a class name)");
        }
        return label;
    }

    /** Karras et al. 2019, Figure 3: every row seed's ws with each band's layers taken from every column seed. */
    static StyleMix styleMix(RunGenerator rg, List<Long> rowSeeds, List<Long> colSeeds, List<String> bands,
                             double psi, String cls) {
        StyleGenerator g = styleBased(rg, "style mixing");
        ConfigException.check(!rowSeeds.isEmpty() && !colSeeds.isEmpty() && !bands.isEmpty(),
                "style mixing needs at least one row seed, one column seed and one band");
        List<int[]> layers = new ArrayList<>();
        for (String b : bands) {
            layers.add(StyleMixing.layers(g, b));
        }
        Long label = label(rg, cls);
        int n = rowSeeds.size();
        int m = colSeeds.size();
        try (StepScope scope = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            rg.generator().eval();
            Tensor rowWs = ws(g, rowSeeds, rg.latentDim(), label, psi);
            Tensor colWs = ws(g, colSeeds, rg.latentDim(), label, psi);
            Samples rows = samples(rg, g.synthesis(rowWs), label, 1);
            Samples cols = samples(rg, g.synthesis(colWs), label, m);
            List<Samples> mixes = new ArrayList<>();
            for (int[] l : layers) {
                // row r's ws m times in a row, against the column ws repeated n times: cell (r, c) at r * m + c
                Tensor base = rowWs.repeat_interleave(m, new LongOptional(0), new LongOptional());
                Tensor src = colWs.repeat(n, 1, 1);
                mixes.add(samples(rg, g.synthesis(StyleMixing.mix(base, src, l)), label, m));
            }
            return new StyleMix(rows, cols, bands.stream().map(String::trim).toList(), layers, mixes);
        }
    }

    /** The frames of {@code walk} (already resolved for this run): one strip, the keys' images at its ends. */
    static Samples interpolate(RunGenerator rg, LatentWalk walk) {
        Long label = label(rg, walk.cls());
        try (StepScope scope = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            rg.generator().eval();
            List<Tensor> zs = new ArrayList<>();
            for (long s : walk.seeds()) {
                zs.add(Latents.z(s, rg.latentDim()));
            }
            Tensor one = labels(label, 1);
            Tensor imgs;
            if (walk.space() == LatentSpace.W) {
                StyleGenerator sg = styleBased(rg, "a walk in w space");
                List<Tensor> ws = new ArrayList<>();
                for (Tensor z : zs) {
                    ws.add(sg.mapping(z, one, walk.truncation()));
                }
                imgs = sg.synthesis(Interpolation.path(ws, walk.steps(), walk.spherical()));
            } else {
                Tensor path = Interpolation.path(zs, walk.steps(), walk.spherical());
                imgs = Sampler.generate(rg.generator(), path, labels(label, path.size(0)), walk.truncation());
            }
            return samples(rg, imgs, label, (int) imgs.size(0));
        }
    }

    /** A PNG or JPEG file as an image; a missing file or another format is refused naming the file. */
    static BufferedImage readImage(Path image) throws IOException {
        if (!java.nio.file.Files.isRegularFile(image)) {
            throw new ConfigException(image + ": no such file");
        }
        BufferedImage target = javax.imageio.ImageIO.read(image.toFile());
        if (target == null) {
            throw new org.jgan.core.data.DataException(image + ": not a PNG or JPEG image");
        }
        return target;
    }

    /** Karras et al. 2020, section 5: the w whose image is closest to {@code target} (see {@link Projector}). */
    static Projection project(RunGenerator rg, BufferedImage target, String name, int steps, double lr) {
        StyleGenerator g = styleBased(rg, "projection");
        if (rg.conditional()) {
            throw new ConfigException("projection needs an unconditional model; this " + rg.config().model().name()
                    + " run is conditional");
        }
        ConfigException.check(steps >= 1 && steps <= 100_000, "projection steps must be in 1..100000, got " + steps);
        ConfigException.check(lr > 0 && lr < 10, "projection learning rate must be in (0, 10), got " + lr);
        DataShape s = rg.shape();
        if (target.getWidth() != s.width() || target.getHeight() != s.height()) {
            throw new ConfigException(name + " is " + target.getWidth() + "x" + target.getHeight()
                    + ", this run makes " + s.width() + "x" + s.height() + " images");
        }
        byte[] px = new byte[(int) s.pixels()];
        Pixels.toChw(target, s.channels(), px, 0);
        float[] f = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            f[i] = (px[i] & 0xff) / 127.5f - 1f;
        }
        try (StepScope scope = StepScope.open()) {
            Tensor t = Tensors.fromFloats(f, 1, s.channels(), s.height(), s.width());
            Projector.Result r = Projector.project(g, t, steps, lr);
            Samples pair = samples(rg, torch.cat(new TensorVector(t, r.image()), 0), null, 2);
            return new Projection(Tensors.toFloats(r.w()), pair, r.mse(), r.initialMse(), steps);
        }
    }

    /** ws of each seed, truncated by psi: seeds x numWs x wDim. */
    private static Tensor ws(StyleGenerator g, List<Long> seeds, int latentDim, Long label, double psi) {
        TensorVector z = new TensorVector();
        for (long seed : seeds) {
            z.push_back(Latents.z(seed, latentDim));
        }
        Tensor zs = torch.cat(z, 0);
        return g.mapping(zs, labels(label, zs.size(0)), psi);
    }

    private static Tensor labels(Long label, long n) {
        return label == null ? null : torch.full(new long[]{n}, new Scalar(label)).to(torch.ScalarType.Long);
    }

    private static Samples samples(RunGenerator rg, Tensor images, Long label, int columns) {
        DataShape s = rg.shape();
        int n = (int) images.size(0);
        int[] labels = null;
        if (label != null) {
            labels = new int[n];
            Arrays.fill(labels, label.intValue());
        }
        return new Samples(ImageGrid.toBytes(images), n, s.channels(), s.height(), s.width(), columns, labels);
    }
}
