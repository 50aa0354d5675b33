package org.jgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.i2i.ImageOutputs;
import org.jgan.api.i2i.ImageToImageRun;
import org.jgan.api.i2i.Upscaling;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.ImageFolderReader;
import org.jgan.core.image.ImageGrid;
import org.jgan.engine.Torch;
import org.jgan.models.i2i.TranslationInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jgan upscale}: raises the resolution of images with an SRGAN run. */
@Command(name = "upscale", mixinStandardHelpOptions = true,
        description = {"Upscale images by the run's factor (2 or 4) with an SRGAN run; a file gives a file, a folder or "
                + "data set gives a folder of PNGs and comparison.png (input | bicubic | SRGAN [| original]).",
                "--degrade treats the inputs as originals: they are downscaled first, and PSNR and SSIM of SRGAN and of "
                        + "bicubic upscaling against the originals are printed and written to figures.json."})
public final class UpscaleCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--input", required = true, description = "An image, a folder of images (one size), or a data "
            + "set such as fashion-mnist:test or an IDX file.")
    String input;

    @Option(names = "--out", required = true, description = "Output PNG for a single image, else a folder.")
    Path out;

    @Option(names = "--degrade", description = "Downscale the inputs by the run's factor first and compare with them.")
    boolean degrade;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Option(names = "--idx", description = "Also write the SRGAN and bicubic images as IDX folders (OUT/srgan-idx, "
            + "OUT/bicubic-idx, MNIST file names, with the input's labels when it has them; grayscale only).")
    boolean idx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        comparison.check();
        Torch.init();
        try (ImageToImageRun r = run.imageToImage()) {
            if (!r.upscales()) {
                throw new ConfigException(run.dir + ": a " + r.config().model().name() + " run translates; use jgan "
                        + "translate");
            }
            boolean single = Files.isRegularFile(Path.of(input)) && ImageFolderReader.isImage(Path.of(input));
            boolean toFile = single && !degrade && !Files.isDirectory(out);
            if (toFile && Files.exists(out) && Files.isSameFile(out, Path.of(input))) {
                throw new ConfigException("--out " + out + " is the input image; give another file name");
            }
            if (!toFile) {
                ImageOutputs.checkFolder(out, input);
            }
            TranslationInputs in = TranslationInputs.unresized(input, comparison.limit);
            Upscaling u = degrade ? r.degradeAndUpscale(in.inputs()) : r.upscale(in.inputs());
            ImageFiles.Decoded sr = u.superResolved();
            ImageFiles.Decoded lr = u.lowRes();
            String sizes = String.format("%dx%d -> %dx%d", lr.width(), lr.height(), sr.width(), sr.height());
            if (toFile) {
                ImageGrid.writePng(ImageGrid.image(sr.pixels(), 0, sr.channels(), sr.height(), sr.width()), out);
                spec.commandLine().getOut().printf("x%d: %s %s%n", u.scale(), sizes, out);
                return 0;
            }
            ImageOutputs.writePngs(sr, in.names(), out);
            if (idx) {
                ImageOutputs.writeIdx(sr, in.labels(), out.resolve("srgan-idx"));
                ImageOutputs.writeIdx(u.bicubic(), in.labels(), out.resolve("bicubic-idx"));
            }
            I2iReport report = new I2iReport(run.dir, r, input, sr.size());
            report.figures.put("scale", u.scale());
            String line = String.format("x%d: %d images %s in %s", u.scale(), sr.size(), sizes, out);
            if (u.originals() != null) {
                report.put("srgan", u.networkQuality());
                report.put("bicubic", u.bicubicQuality());
                line += "\n  SRGAN   against originals: " + u.networkQuality().summary()
                        + "\n  bicubic against originals: " + u.bicubicQuality().summary();
            }
            report.write(u.comparisonColumns(), comparison.grid, out, line, spec.commandLine().getOut());
        }
        return 0;
    }
}
