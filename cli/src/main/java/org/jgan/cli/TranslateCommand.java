package org.jgan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageFiles;
import org.jgan.engine.Torch;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.TranslationInputs;
import org.jgan.models.i2i.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        if (!ImageToImage.A_TO_B.equals(direction) && !ImageToImage.B_TO_A.equals(direction)) {
            throw new ConfigException("--direction must be AtoB or BtoA, got '" + direction + "'");
        }
        comparison.check();
        if (label != null && (label < 0 || label > 255 || !idx)) {
            throw new ConfigException("--label needs --idx and a class in 0..255, got " + label);
        }
        Torch.init();
        try (Translator t = run.translator(direction)) {
            if (t.scale() != 1) {
                throw new ConfigException(run.dir + ": a " + t.config().model().name()
                        + " run upscales; use jgan upscale");
            }
            TranslationInputs in = TranslationInputs.read(input, t, sideBySide, comparison.limit);
            ImageFiles.Decoded y = ImageOutputs.map(in.inputs(), t::apply);
            ImageOutputs.writePngs(y, in.names(), out);
            if (idx) {
                int[] labels = label == null ? in.labels() : java.util.Collections.nCopies(y.size(), label).stream()
                        .mapToInt(Integer::intValue).toArray();
                ImageOutputs.writeIdx(y, labels, out.resolve("idx"));
            }
            List<ImageFiles.Decoded> cols = new ArrayList<>(List.of(in.inputs(), y));
            Map<String, Object> fig = ImageOutputs.figures();
            fig.put("run", run.dir.toString());
            fig.put("checkpoint", t.checkpoint().getFileName().toString());
            fig.put("input", input);
            fig.put("direction", direction);
            fig.put("images", y.size());
            String line = String.format("%d images %s -> %s", y.size(), direction, out);
            if (in.targets() != null) {
                double[] q = QualityFigures.of(y, in.targets());
                QualityFigures.put(fig, "", q);
                cols.add(in.targets());
                line += "\n  against targets: " + QualityFigures.format(q);
            }
            if (t.config().model().name().equals("cyclegan")) {
                String back = direction.equals(ImageToImage.A_TO_B) ? ImageToImage.B_TO_A : ImageToImage.A_TO_B;
                try (Translator r = run.translator(back)) {
                    ImageFiles.Decoded rec = ImageOutputs.map(y, r::apply);
                    double[] q = QualityFigures.of(rec, in.inputs());
                    fig.put("cycleL1", q[0]);
                    fig.put("cyclePSNR", q[1]);
                    cols.add(rec);
                    line += String.format("%n  cycle reconstruction (%s then %s): L1 %.4f  PSNR %.2f dB", direction,
                            back, q[0], q[1]);
                }
            }
            ImageOutputs.writeComparison(cols, comparison.grid, out.resolve("comparison.png"));
            ImageOutputs.writeJson(fig, out.resolve("figures.json"));
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().println("comparison: " + out.resolve("comparison.png"));
        }
        return 0;
    }
}
