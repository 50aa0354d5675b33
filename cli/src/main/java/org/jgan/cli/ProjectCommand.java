package org.jgan.cli;

import org.jgan.core.config.ConfigException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.Projection;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.Torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jgan project}: finds the w of a StyleGAN2 run whose image is closest to a given image. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Project an image into the w space of an unconditional StyleGAN2 run: writes PATH.png (target | "
                + "projection) and PATH.json (the w and the error)."})
public final class ProjectCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--image", required = true, description = "PNG or JPEG of the run's image size.")
    Path image;

    @Option(names = "--steps", defaultValue = "300", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lr", defaultValue = "0.05", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "Output path; .png and .json are written beside it (default: the "
            + "image's path with -projected added to its name).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            out = image.resolveSibling(image.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-projected");
        }
        String base = out.getFileName().toString().replaceFirst("\\.(png|json)$", "");
        if (steps < 1 || steps > 100_000) {
            throw new ConfigException("--steps must be in 1..100000, got " + steps);
        }
        if (!(lr > 0) || lr >= 10) {
            throw new ConfigException("--lr must be in (0, 10), got " + lr);
        }
        Torch.init();
        try (GanModel m = run.model()) {
            Projection p = m.project(image, steps, lr);
            p.writePair(out.resolveSibling(base + ".png"));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("image", image.toString());
            json.put("checkpoint", m.checkpoint().toString());
            json.put("steps", p.steps());
            json.put("mse_start", p.initialMse());
            json.put("mse", p.mse());
            json.put("w", p.w());
            AtomicFiles.writeString(out.resolveSibling(base + ".json"), new ObjectMapper().writeValueAsString(json));
            spec.commandLine().getOut().printf("project: MSE %.4f (from %.4f at the mean w) after %d steps -> %s.png, "
                    + "%s.json%n", p.mse(), p.initialMse(), steps, base, base);
        }
        return 0;
    }
}
