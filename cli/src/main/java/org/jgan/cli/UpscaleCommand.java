package org.jgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.ImageFolderReader;
import org.jgan.core.image.ImageGrid;
import org.jgan.engine.Torch;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.Translator;
import org.jgan.models.srgan.Resampling;
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

    /** Labels of the input when it is a labelled data set, else null. */
    private int[] labels;

    @Override
    public Integer call() throws Exception {
        comparison.check();
        Torch.init();
        try (Translator t = run.translator(ImageToImage.A_TO_B)) {
            int s = t.scale();
            if (s == 1) {
                throw new ConfigException(run.dir + ": a " + t.config().model().name() + " run translates; use jgan "
                        + "translate");
            }
            boolean single = Files.isRegularFile(Path.of(input)) && ImageFolderReader.isImage(Path.of(input));
            ImageFiles.Decoded in = ImageFiles.withChannels(read(), t.inputChannels());
            ImageFiles.Decoded hr = null;
            ImageFiles.Decoded lr = in;
            if (degrade) {
                hr = crop(in, s);
                lr = ImageOutputs.map(hr, x -> Resampling.downscale(x, s));
            }
            ImageFiles.Decoded sr = ImageOutputs.map(lr, t::apply);
            ImageFiles.Decoded bicubic = ImageOutputs.map(lr, x -> Resampling.bicubic(x, s));
            if (single && !degrade && !Files.isDirectory(out)) {
                ImageGrid.writePng(ImageGrid.image(sr.pixels(), 0, sr.channels(), sr.height(), sr.width()), out);
                spec.commandLine().getOut().printf("x%d: %dx%d -> %dx%d %s%n", s, lr.width(), lr.height(), sr.width(), sr.height(), out);
                return 0;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < sr.size(); i++) {
                Path f = in.files().get(i);
                names.add(f != null && Files.isRegularFile(f) ? ImageFiles.stem(f) : String.format("%06d", i));
            }
            ImageOutputs.writePngs(sr, names, out);
            if (idx) {
                ImageOutputs.writeIdx(sr, labels, out.resolve("srgan-idx"));
                ImageOutputs.writeIdx(bicubic, labels, out.resolve("bicubic-idx"));
            }
            List<ImageFiles.Decoded> cols = new ArrayList<>(List.of(lr, bicubic, sr));
            Map<String, Object> fig = ImageOutputs.figures();
            fig.put("run", run.dir.toString());
            fig.put("checkpoint", t.checkpoint().getFileName().toString());
            fig.put("input", input);
            fig.put("scale", s);
            fig.put("images", sr.size());
            String line = String.format("x%d: %d images %dx%d -> %dx%d in %s", s, sr.size(), lr.width(), lr.height(),
                    sr.width(), sr.height(), out);
            if (hr != null) {
                double[] q = QualityFigures.of(sr, hr);
                double[] b = QualityFigures.of(bicubic, hr);
                QualityFigures.put(fig, "srgan", q);
                QualityFigures.put(fig, "bicubic", b);
                cols.add(hr);
                line += "\n  SRGAN   against originals: " + QualityFigures.format(q)
                        + "\n  bicubic against originals: " + QualityFigures.format(b);
            }
            ImageOutputs.writeComparison(cols, comparison.grid, out.resolve("comparison.png"));
            ImageOutputs.writeJson(fig, out.resolve("figures.json"));
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().println("comparison: " + out.resolve("comparison.png"));
        }
        return 0;
    }

    /** The input images: one file, a folder of same-size images, or a data set DataSources opens. */
    private ImageFiles.Decoded read() {
        Path p = Path.of(input);
        if (Files.isRegularFile(p) && ImageFolderReader.isImage(p)) {
            return ImageFiles.read(List.of(p), 0, 0);
        }
        if (Files.isDirectory(p) && hasImages(p)) {
            List<Path> files = ImageFiles.list(p);
            int n = comparison.limit;
            return ImageFiles.read(n > 0 && n < files.size() ? files.subList(0, n) : files, 0, 0);
        }
        ImageDataset d = DataSources.open(input);
        if (comparison.limit > 0) {
            d = d.head(comparison.limit);
        }
        labels = d.labels();
        List<Path> names = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            names.add(null);
        }
        return new ImageFiles.Decoded(names, d.channels(), d.height(), d.width(), d.pixels());
    }

    private static boolean hasImages(Path dir) {
        try (var s = Files.list(dir)) {
            return s.anyMatch(ImageFolderReader::isImage);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The top-left part of each image whose sides are multiples of {@code s}. */
    private static ImageFiles.Decoded crop(ImageFiles.Decoded d, int s) {
        int h = d.height() / s * s;
        int w = d.width() / s * s;
        if (h == d.height() && w == d.width()) {
            return d;
        }
        if (h == 0 || w == 0) {
            throw new ConfigException("--degrade: images of " + d.width() + "x" + d.height() + " are smaller than the "
                    + "scale " + s);
        }
        int c = d.channels();
        byte[] px = new byte[d.size() * c * h * w];
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < c; k++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(d.pixels(), ((i * c + k) * d.height() + y) * d.width(), px,
                            ((i * c + k) * h + y) * w, w);
                }
            }
        }
        return new ImageFiles.Decoded(d.files(), c, h, w, px);
    }
}
