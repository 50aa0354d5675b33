package org.jgan.cli;

import org.jgan.core.config.ConfigException;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.LatentSpace;
import org.jgan.api.LatentWalk;
import org.jgan.api.Samples;
import org.jgan.engine.Torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan interpolate}: a walk through latent space from seed to seed ({@link GanModel#interpolate}), written as a
 * PNG strip and a looping GIF. Any generator walks in z (spherical by default); a style-based one can walk in w (the
 * default there).
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
        // Checked before the run loads and any file is written (the GIF writer checks them again).
        if (fps < 1 || fps > 100) {
            throw new ConfigException("--fps must be in 1..100, got " + fps);
        }
        if (scale < 1 || scale > 16) {
            throw new ConfigException("--scale must be in 1..16, got " + scale);
        }
        List<Long> keys = SeedList.parse(seeds, "--seeds");
        LatentWalk through = Flags.named("--seeds", () -> LatentWalk.through(keys));
        LatentWalk walk = Flags.named("--steps", () -> through.steps(steps))
                .space(space == null ? null : space == Space.w ? LatentSpace.W : LatentSpace.Z)
                .spherical(method == null ? null : method == Method.slerp)
                .truncation(latent.psi);
        // the strip is one grid of all frames: refused before a million frames are generated, not after
        Samples.checkGrid((long) (keys.size() - 1) * steps + 1);
        String base = out.getFileName().toString().replaceFirst("\\.(png|gif)$", "");
        Path png = out.resolveSibling(base + ".png");
        Path gif = out.resolveSibling(base + ".gif");
        Torch.init();
        try (GanModel m = run.model()) {
            LatentWalk classed = walk.cls(latent.cls(m));
            LatentWalk resolved = Flags.named("--space", () -> classed.resolvedFor(m));
            Samples frames = m.interpolate(resolved);
            frames.writeGrid(png);
            frames.writeGif(gif, fps, scale);
            spec.commandLine().getOut().printf("interpolate: %d frames in %s space (%s) from %s (%s weights) -> %s, "
                    + "%s%n", frames.count(), resolved.space().name().toLowerCase(java.util.Locale.ROOT),
                    resolved.spherical() ? "slerp" : "linear", m.checkpoint(), m.ema() ? "EMA" : "raw", png, gif);
        }
        return 0;
    }
}
