package org.jgan.cli.dashboard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes run folders shaped exactly like the trainer's (config.json with config and provenance, stats.jsonl lines,
 * samples/step-NNNNNN.png, metrics.jsonl), with numbers and image sizes a test can predict: the grid of step s is
 * {@code 100 + s / 50} pixels wide, so a page showing the wrong grid shows the wrong width.
 */
final class RunFixture {
    final Path dir;

    RunFixture(Path dir) {
        this.dir = dir;
    }

    /** A dcgan run planned for {@code planned} steps, logged every 10 steps up to {@code last}, grids every 50. */
    static RunFixture create(Path root, String name, String model, long planned, long last) {
        RunFixture f = new RunFixture(root.resolve(name));
        f.writeConfig(model, planned);
        for (long s = 10; s <= last; s += 10) {
            f.appendStats(s);
        }
        for (long s = 50; s <= last; s += 50) {
            f.writeSample(s);
        }
        return f;
    }

    static double lossD(long step) {
        return 0.6 + step / 10000.0;
    }

    static double lossG(long step) {
        return 2.5 - step / 1000.0;
    }

    static int sampleWidth(long step) {
        return 100 + (int) (step / 50);
    }

    /** How the pages print a number (common.js J.fmt) for magnitudes between 1e-4 and 1000. */
    static String fmt(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    void writeConfig(String model, long planned) {
        String json = """
                {"config": {"seed": 1, "model": {"name": "%s", "latentDim": 100, "loss": "non-saturating", "width": 64},
                  "data": {"source": "fashion-mnist", "batch": 64, "dropLast": true, "limit": 0},
                  "optim": {"lrG": 2.0E-4, "lrD": 2.0E-4, "beta1": 0.5, "beta2": 0.999, "emaBeta": 0.0, "dSteps": 1},
                  "schedule": {"epochs": 0, "steps": %d, "logEvery": 10, "sampleEvery": 50, "checkpointEvery": 1000,
                    "keepCheckpoints": 3, "sampleCount": 64}},
                 "provenance": {"jgan": "0.1.0", "libtorch": "2.10.0", "javacpp": "1.5.13", "seed": 1,
                  "dataset": {"name": "fashion-mnist:train", "images": 60000, "shape": [1, 28, 28],
                    "fingerprint": "6e61a3d66c0b4c40"}}}
                """.formatted(model, planned);
        write("config.json", json, false);
    }

    void appendStats(long step) {
        appendLine(String.format(Locale.ROOT, "{\"step\":%d,\"epoch\":%s,\"Loss/D\":%s,\"D/real_score\":%s,"
                        + "\"D/fake_score\":%s,\"Loss/G\":%s,\"img/s\":%s,\"lr/D\":2.0E-4,\"lr/G\":2.0E-4,\"time\":%s}",
                step, step / 937.0, lossD(step), 0.8 - step / 5000.0, 0.2 + step / 5000.0, lossG(step),
                600.0 + step / 10.0, System.currentTimeMillis() / 1000.0));
    }

    void appendLine(String line) {
        write("stats.jsonl", line + "\n", true);
    }

    void appendMetrics(long step, double fid) {
        write("metrics.jsonl", String.format(Locale.ROOT,
                "{\"step\":%d,\"fid\":%s,\"kid\":%s,\"coverage\":%s,\"precision_k5\":0.5}%n", step, fid, fid / 1000,
                0.5 + step / 10000.0), true);
    }

    Path sample(long step) {
        return dir.resolve("samples").resolve(String.format("step-%06d.png", step));
    }

    void writeSample(long step) {
        int w = sampleWidth(step);
        BufferedImage img = new BufferedImage(w, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB(step / 400f, 0.6f, 0.9f)));
        g.fillRect(0, 0, w, 100);
        g.setColor(Color.BLACK);
        g.drawString("step " + step, 10, 50);
        g.dispose();
        try {
            Files.createDirectories(dir.resolve("samples"));
            // Like the trainer, write beside and rename, so readers never see half a PNG.
            Path tmp = dir.resolve("samples").resolve(".tmp-" + step + ".png");
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, sample(step), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text, boolean append) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
