package org.jgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.Pixels;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.DataShape;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.stylegan2.Projector;
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
        if (steps < 1 || steps > 100_000 || !(lr > 0 && lr < 10)) {
            throw new ConfigException("--steps must be in 1..100000 and --lr in (0, 10)");
        }
        if (!Files.isRegularFile(image)) {
            throw new ConfigException("--image " + image + ": no such file");
        }
        BufferedImage src = ImageIO.read(image.toFile());
        if (src == null) {
            throw new ConfigException("--image " + image + ": not a PNG or JPEG image");
        }
        if (out == null) {
            out = image.resolveSibling(image.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-projected");
        }
        String base = out.getFileName().toString().replaceFirst("\\.(png|json)$", "");
        Torch.init();
        try (RunGenerator rg = run.generator()) {
            GanNet net = rg.generator();
            if (!(net instanceof StyleGenerator) || rg.conditional()) {
                throw new ConfigException("--run " + run.dir + ": projection needs an unconditional style-based model "
                        + "such as stylegan2; this run is " + rg.config().model().name());
            }
            DataShape s = rg.shape();
            if (src.getWidth() != s.width() || src.getHeight() != s.height()) {
                throw new ConfigException("--image " + image + ": is " + src.getWidth() + "x" + src.getHeight()
                        + ", this run makes " + s.width() + "x" + s.height() + " images");
            }
            byte[] px = new byte[(int) s.pixels()];
            Pixels.toChw(src, s.channels(), px, 0);
            float[] f = new float[px.length];
            for (int i = 0; i < px.length; i++) {
                f[i] = (px[i] & 0xff) / 127.5f - 1f;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            try (StepScope scope = StepScope.open()) {
                Tensor target = Tensors.fromFloats(f, 1, s.channels(), s.height(), s.width());
                Projector.Result r = Projector.project((StyleGenerator) net, target, steps, lr);
                Tensor pair = torch.cat(new TensorVector(target, r.image()), 0);
                ImageGrid.writePng(ImageGrid.grid(pair, 2), out.resolveSibling(base + ".png"));
                json.put("image", image.toString());
                json.put("checkpoint", rg.checkpoint().toString());
                json.put("steps", steps);
                json.put("mse_start", r.initialMse());
                json.put("mse", r.mse());
                json.put("w", Tensors.toFloats(r.w()));
                spec.commandLine().getOut().printf("project: MSE %.4f (from %.4f at the mean w) after %d steps -> %s.png, %s.json%n",
                        r.mse(), r.initialMse(), steps, base, base);
            }
            AtomicFiles.writeString(out.resolveSibling(base + ".json"), new ObjectMapper().writeValueAsString(json));
        }
        return 0;
    }
}
