package org.jgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.api.i2i.ImageOutputs;
import org.jgan.api.i2i.ImageToImageRun;
import org.jgan.api.i2i.Quality;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.train.AtomicFiles;

/** What translate and upscale write last: comparison.png, figures.json (a small JSON object), and their summary. */
final class I2iReport {
    final Map<String, Object> figures = new LinkedHashMap<>();

    /** Figures that name where the images came from: run, checkpoint, input and how many images. */
    I2iReport(Path runDir, ImageToImageRun run, String input, int images) {
        figures.put("run", runDir.toString());
        figures.put("checkpoint", run.checkpoint().getFileName().toString());
        figures.put("input", input);
        figures.put("images", images);
    }

    /** Puts {@code prefix}L1, PSNR and SSIM. */
    void put(String prefix, Quality q) {
        figures.put(prefix + "L1", q.l1());
        figures.put(prefix + "PSNR", q.psnr());
        figures.put(prefix + "SSIM", q.ssim());
    }

    /** Writes OUT/comparison.png of {@code grid} examples and OUT/figures.json, then prints {@code summary}. */
    void write(List<ImageFiles.Decoded> columns, int grid, Path out, String summary, PrintWriter pw)
            throws IOException {
        ImageOutputs.writeComparison(columns, grid, out.resolve("comparison.png"));
        AtomicFiles.writeString(out.resolve("figures.json"),
                org.jgan.core.config.ConfigJson.MAPPER.writeValueAsString(figures));
        pw.println(summary);
        pw.println("comparison: " + out.resolve("comparison.png"));
    }
}
