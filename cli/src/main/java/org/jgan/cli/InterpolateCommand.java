package org.jgan.cli;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.image.AnimatedGif;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Sampler;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.jgan.models.Interpolation;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan interpolate}: a walk through latent space from seed to seed, written as a PNG strip and a looping GIF.
 * Any generator walks in z (spherical by default); a style-based one can walk in w (the default there).
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Interpolate between seeds of a run: writes PATH.png (a strip of frames) and PATH.gif "
                + "(looping animation)."})
public final class InterpolateCommand implements Callable<Integer> {
    enum Space { z, w }

    enum Method { slerp, linear }

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--seeds", required = true, description = "Two or more seeds visited in order, e.g. 1,2,3.")
    String seeds;

    @Option(names = "--steps", defaultValue = "16", description = "Frames from one seed to the next "
            + "(default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--space", description = "z or w (w: style-based models only; their default).")
    Space space;

    @Option(names = "--method", description = "slerp or linear (default: slerp in z, linear in w).")
    Method method;

    @Mixin
    LatentOptions latent = new LatentOptions();

    @Option(names = "--fps", defaultValue = "12", description = "GIF frames per second (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--scale", defaultValue = "1", description = "Upscale the GIF frames by this integer "
            + "(default: ${DEFAULT-VALUE}).")
    int scale;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output path; .png and .gif are written beside it.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Long> keys = SeedList.parse(seeds, "--seeds");
        if (keys.size() < 2) {
            throw new ConfigException("--seeds: give two or more seeds, e.g. --seeds 1,2");
        }
        if (steps < 1 || steps > 1000) {
            throw new ConfigException("--steps must be in 1..1000, got " + steps);
        }
        if (fps < 1 || fps > 100 || scale < 1 || scale > 16) {
            throw new ConfigException("--fps must be in 1..100 and --scale in 1..16");
        }
        String base = out.getFileName().toString().replaceFirst("\\.(png|gif)$", "");
        Path png = out.resolveSibling(base + ".png");
        Path gif = out.resolveSibling(base + ".gif");
        Torch.init();
        try (RunGenerator rg = run.generator()) {
            StyleGenerator sg = rg.generator() instanceof StyleGenerator g ? g : null;
            Space sp = space != null ? space : sg != null ? Space.w : Space.z;
            if (sp == Space.w && sg == null) {
                throw new ConfigException("--space w needs a style-based model such as stylegan2; this run is "
                        + rg.config().model().name() + ", use --space z");
            }
            boolean spherical = (method != null ? method : sp == Space.z ? Method.slerp : Method.linear)
                    == Method.slerp;
            Long label = latent.label(rg);
            byte[] frames;
            int count;
            try (StepScope scope = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
                rg.generator().eval();
                List<Tensor> zs = new ArrayList<>();
                for (long s : keys) {
                    zs.add(org.jgan.models.Latents.z(s, rg.latentDim()));
                }
                Tensor labels1 = label == null ? null : torch.full(new long[]{1},
                        new org.bytedeco.pytorch.Scalar(label)).to(torch.ScalarType.Long);
                Tensor imgs;
                if (sp == Space.w) {
                    List<Tensor> ws = new ArrayList<>();
                    for (Tensor z : zs) {
                        ws.add(sg.mapping(z, labels1, latent.psi));
                    }
                    imgs = sg.synthesis(Interpolation.path(ws, steps, spherical));
                } else {
                    Tensor path = Interpolation.path(zs, steps, spherical);
                    Tensor labels = label == null ? null : labels1.expand(path.size(0));
                    imgs = Sampler.generate(rg.generator(), path, labels, latent.psi);
                }
                count = (int) imgs.size(0);
                frames = ImageGrid.toBytes(imgs);
            }
            DataShape s = rg.shape();
            ImageGrid.writePng(ImageGrid.grid(frames, count, s.channels(), s.height(), s.width(), count), png);
            List<BufferedImage> anim = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                anim.add(scaled(ImageGrid.image(frames, i, s.channels(), s.height(), s.width()), scale));
            }
            AnimatedGif.write(anim, 1000 / fps, gif);
            spec.commandLine().getOut().printf("interpolate: %d frames in %s space (%s) from %s (%s weights) -> %s, %s%n", count, sp,
                    spherical ? "slerp" : "linear", rg.checkpoint(), rg.ema() ? "EMA" : "raw", png, gif);
        }
        return 0;
    }

    private static BufferedImage scaled(BufferedImage img, int k) {
        if (k == 1) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth() * k, img.getHeight() * k, img.getType());
        var g = out.createGraphics();
        g.drawImage(img.getScaledInstance(out.getWidth(), out.getHeight(), Image.SCALE_FAST), 0, 0, null);
        g.dispose();
        return out;
    }
}
