package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.jgan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jgan.cli.CliTest.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clips from the command line: mocogan-cond trains on moving Fashion-MNIST (4 frames of 32x32 here), sample writes a
 * GIF and a strip per clip, or one grid GIF, the same for the same seed; image formats and table flags are refused.
 */
class VideoCommandsTest {
    @TempDir
    Path tmp;

    static int frames(Path gif) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            return r.getNumImages(true);
        }
    }

    @Test
    void trainsAndSamplesClips() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(org.jgan.core.data.DataSources.fashionMnistDir()),
                "Fashion-MNIST is not installed");
        Path run = tmp.resolve("run");
        ok("train", "--model", "mocogan-cond", "--steps", "2", "--batch", "4", "--threads", "1", "--no-progress",
                "--set", "mocogan.frames=4", "--set", "mocogan.size=32", "--set", "mocogan.imageFrames=2",
                "--set", "model.width=8", "--set", "data.limit=64", "--out", run.toString());
        assertTrue(Files.isRegularFile(run.resolve("samples/step-000002.gif")));
        Path out = tmp.resolve("clips");
        ok("sample", "--run", run.toString(), "--count", "3", "--seed", "4", "--format", "gif", "--out",
                out.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(4, frames(out.resolve(String.format("clip-%04d.gif", i))));
            assertEquals(32 + 4, ImageIO.read(out.resolve(String.format("clip-%04d.png", i)).toFile()).getHeight());
        }
        assertEquals(4, frames(out.resolve("clips.gif")));
        Path again = tmp.resolve("again");
        ok("sample", "--run", run.toString(), "--count", "3", "--seed", "4", "--out", again.toString());
        assertArrayEquals(Files.readAllBytes(out.resolve("clips.gif")), Files.readAllBytes(again.resolve("clips.gif")),
                "the same seed, the same clips (gif is the default format for clips)");
        Path grid = tmp.resolve("bags.gif");
        ok("sample", "--run", run.toString(), "--count", "4", "--class", "Bag", "--format", "grid", "--out",
                grid.toString());
        assertEquals(4, frames(grid));
        Path png = tmp.resolve("bags.png");
        Result bad = run("sample", "--run", run.toString(), "--format", "grid", "--out", png.toString());
        assertTrue(bad.code() == 2 && bad.err().contains("a grid of clips is an animated GIF; give a file name ending "
                + "in .gif") && !Files.exists(png), bad.toString());
        bad = run("sample", "--run", run.toString(), "--format", "idx", "--out", tmp.resolve("x").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("this run makes clips (--format gif or grid)"),
                bad.toString());
        bad = run("sample", "--run", run.toString(), "--where", "a=b", "--out", tmp.resolve("y").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("this run makes clips (use --class)"), bad.toString());
        bad = run("train", "--model", "dcgan", "--data", "moving-fashion-mnist", "--steps", "1", "--out",
                tmp.resolve("z").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("the data of the mocogan model") && !bad.err().contains(
                "\tat "), bad.toString());
    }
}
