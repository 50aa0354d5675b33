package org.jgan.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.Callable;
import org.jgan.api.i2i.ImageOutputs;
import org.jgan.api.i2i.ImageToImageRun;
import org.jgan.api.i2i.Translation;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageFiles;
import org.jgan.engine.Torch;
import org.jgan.models.i2i.ImageToImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.jgan.models.i2i.ImageToImageConfig;

/** {@code jgan translate}: runs a pix2pix or CycleGAN run's generator over images. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate images with a pix2pix or CycleGAN run: one PNG per input in --out, and "
                + "comparison.png (input | output | target when the input has pairs; CycleGAN adds the reconstruction).",
                "With targets it prints L1, PSNR and SSIM; for CycleGAN also the cycle reconstruction error. The figures "
                        + "go to --out/figures.json."})
public final class TranslateCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--input", required = true, description = "An image, a folder of images, a folder of pairs (A/ and "
            + "B/), an unpaired folder (testA/, testB/; DIR:train for trainA/, trainB/), side-by-side A|B images with "
            + "--ab, or a demo task such as demo:edges2garment:test.")
    String input;

    @Option(names = "--out", required = true, description = "Folder for the translated PNGs and comparison.png.")
    Path out;

    @Option(names = "--direction", defaultValue = "AtoB", description = "AtoB (default) or BtoA (CycleGAN's G_BA).")
    String direction;

    @Option(names = "--ab", description = "The input folder holds side-by-side A|B images (pix2pix's format).")
    boolean sideBySide;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Option(names = "--idx", description = "Also write the outputs as an IDX folder (OUT/idx, MNIST file names; "
            + "grayscale only) for other jgan commands to read.")
    boolean idx;

    @Option(names = "--label", description = "With --idx: label every output with this class (the class the "
            + "translation should produce), so a classifier's accuracy on OUT/idx is the share put in that class; "
            + "without it, the inputs' own labels when they have them (demo:edges2garment).")
    Integer label;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ImageToImageConfig.DIRECTIONS.contains(direction)) {
            throw new ConfigException("--direction must be AtoB or BtoA, got '" + direction + "'");
        }
        comparison.check();
        if (label != null && (label < 0 || label > 255 || !idx)) {
            throw new ConfigException("--label needs --idx and a class in 0..255, got " + label);
        }
        ImageOutputs.checkFolder(out, input);
        Torch.init();
        try (ImageToImageRun r = run.imageToImage()) {
            if (r.upscales()) {
                throw new ConfigException(run.dir + ": a " + r.config().model().name() + " run upscales; use jgan "
                        + "upscale");
            }
            Translation t = r.translate(r.read(input, direction, sideBySide, comparison.limit), direction);
            ImageFiles.Decoded y = t.outputs();
            ImageOutputs.writePngs(y, t.inputs().names(), out);
            if (idx) {
                int[] labels = label == null ? t.inputs().labels() : Collections.nCopies(y.size(), label).stream()
                        .mapToInt(Integer::intValue).toArray();
                ImageOutputs.writeIdx(y, labels, out.resolve("idx"));
            }
            I2iReport report = new I2iReport(run.dir, r, input, y.size());
            report.figures.put("direction", direction);
            String line = String.format("%d images %s -> %s", y.size(), direction, out);
            if (t.againstTargets() != null) {
                report.put("", t.againstTargets());
                line += "\n  against targets: " + t.againstTargets().summary();
            }
            if (t.cycle() != null) {
                report.figures.put("cycleL1", t.cycle().l1());
                report.figures.put("cyclePSNR", t.cycle().psnr());
                line += String.format("%n  cycle reconstruction (%s then %s): L1 %.4f  PSNR %.2f dB", direction,
                        ImageToImage.opposite(direction), t.cycle().l1(), t.cycle().psnr());
            }
            report.write(t.comparisonColumns(), comparison.grid, out, line, spec.commandLine().getOut());
        }
        return 0;
    }
}
