package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jgan.cli.CliTest.Result;
import org.jgan.core.data.IdxReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The StyleGAN2 tools end to end on tiny runs: sample --truncation, style-mix, interpolate (w space for StyleGAN2, z
 * space for DCGAN) and project write files of the right sizes, and the images they show are the seeds' images.
 */
class StyleGan2CliTest {
    @TempDir
    static Path shared;
    static Path sg2;
    static Path dcgan;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        Path data = CliTest.writeIdxFolder(shared.resolve("idx"));
        sg2 = shared.resolve("sg2");
        dcgan = shared.resolve("dcgan");
        ok("train", "--model", "stylegan2", "--data", data.toString(), "--steps", "2", "--batch", "8", "--threads", "1",
                "--set", "model.width=8", "--set", "model.latentDim=16", "--set", "schedule.sampleCount=4",
                "--out", sg2.toString(), "--no-progress");
        ok("train", "--model", "dcgan", "--data", data.toString(), "--steps", "1", "--batch", "8", "--threads", "1",
                "--set", "model.width=8", "--set", "schedule.sampleCount=4", "--out", dcgan.toString(),
                "--no-progress");
    }

    static byte[] idx(Path run, String... extra) throws IOException {
        Path out = Files.createTempFile(shared, "s", "-idx3-ubyte");
        String[] base = {"sample", "--run", run.toString(), "--format", "idx", "--out", out.toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        ok(args);
        IdxReader.Idx i = IdxReader.read(out, 3);
        assertEquals(28, i.dims()[1], "StyleGAN2 samples are cropped back to the data's 28x28");
        assertEquals(28, i.dims()[2]);
        return i.data();
    }

    static byte[] image(byte[] all, int i) {
        return Arrays.copyOfRange(all, i * 784, (i + 1) * 784);
    }

    /** The gray levels of the cell at pixel (x, y) of a grid, 28x28. */
    static byte[] cell(BufferedImage img, int x, int y) {
        byte[] out = new byte[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                // the raster, not getRGB: getRGB converts linear gray to sRGB
                out[r * 28 + c] = (byte) img.getRaster().getSample(x + c, y + r, 0);
            }
        }
        return out;
    }

    @Test
    void truncationZeroGivesTheMeanImageForEverySeed() throws IOException {
        byte[] plain = idx(sg2, "--count", "4");
        assertFalse(Arrays.equals(image(plain, 0), image(plain, 1)), "psi = 1: different images");
        byte[] mean = idx(sg2, "--count", "4", "--truncation", "0");
        for (int i = 1; i < 4; i++) {
            assertArrayEquals(image(mean, 0), image(mean, i), "psi = 0: image " + i + " is the mean image");
        }
        byte[] half = idx(sg2, "--count", "4", "--truncation", "0.5");
        assertFalse(Arrays.equals(image(half, 0), image(plain, 0)));
        CliTest.assertUserError(CliTest.run("sample", "--run", dcgan.toString(), "--truncation", "0.5", "--out",
                tmp.resolve("x.png").toString()), "truncation (psi 0.5) needs a style-based generator");
        // NaN pulled every w to NaN: an all-black grid and exit 0 before
        for (String psi : new String[]{"NaN", "Infinity"}) {
            CliTest.assertUserError(CliTest.run("sample", "--run", sg2.toString(), "--truncation", psi, "--out",
                    tmp.resolve("x.png").toString()), "--truncation must be a finite number, got " + psi);
            CliTest.assertUserError(CliTest.run("style-mix", "--run", sg2.toString(), "--rows", "1", "--cols", "2",
                    "--truncation", psi, "--out", tmp.resolve("m.png").toString()), "truncation psi must be a finite "
                    + "number, got " + psi);
        }
    }

    @Test
    void styleMixGridHasTheSeedsImagesAndOneBlockPerBand() throws IOException {
        Path out = tmp.resolve("mix.png");
        Result r = ok("style-mix", "--run", sg2.toString(), "--rows", "1,2", "--cols", "3-5", "--out", out.toString());
        assertTrue(r.out().contains("coarse styles (w [0, 1, 2])"), r.out());
        BufferedImage g = ImageIO.read(out.toFile());
        // 1 + 3 columns of 30 pixels plus borders; top row + 3 bands x 2 rows of 30 pixels, plus borders and gaps
        assertEquals(4 * 30 + 4, g.getWidth());
        assertEquals(7 * 30 + 4 + 3 * 4, g.getHeight());
        byte[] seeds = new byte[0];
        for (int s : new int[]{3, 1}) {
            seeds = concat(seeds, idx(sg2, "--count", "1", "--seed", Integer.toString(s)));
        }
        assertArrayEquals(image(seeds, 0), cell(g, 4 + 30, 2), "top row, first column: seed 3");
        assertArrayEquals(image(seeds, 1), cell(g, 2, 2 + 30 + 4), "first block, first row: seed 1");
        Path one = tmp.resolve("one.png");
        ok("style-mix", "--run", sg2.toString(), "--rows", "1", "--cols", "2", "--styles", "0-3", "--out",
                one.toString());
        assertEquals(2 * 30 + 4, ImageIO.read(one.toFile()).getHeight());
        CliTest.assertUserError(CliTest.run("style-mix", "--run", sg2.toString(), "--rows", "1", "--cols", "2",
                "--styles", "ultra", "--out", one.toString()), "--styles: 'ultra' is not a style band or layer range");
        CliTest.assertUserError(CliTest.run("style-mix", "--run", dcgan.toString(), "--rows", "1", "--cols", "2",
                "--out", one.toString()), "needs a style-based model");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Number of frames; also checks the loop extension (NETSCAPE2.0, loop count 0 = forever) is in the file. */
    static int gifFrames(Path gif) throws IOException {
        String bytes = new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("NETSCAPE2.0\u0003\u0001\u0000\u0000"), "the GIF loops forever");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            reader.dispose();
            return n;
        }
    }

    @Test
    void interpolateWritesAStripAndALoopingGifFromSeedToSeed() throws IOException {
        Result r = ok("interpolate", "--run", sg2.toString(), "--seeds", "1,2,3", "--steps", "4", "--out",
                tmp.resolve("walk").toString());
        assertTrue(r.out().contains("w space"), r.out());
        BufferedImage strip = ImageIO.read(tmp.resolve("walk.png").toFile());
        assertEquals(9 * 30 + 2, strip.getWidth(), "2 segments of 4 steps plus the last key");
        assertEquals(30 + 2, strip.getHeight());
        assertEquals(9, gifFrames(tmp.resolve("walk.gif")));
        byte[] first = idx(sg2, "--count", "1", "--seed", "1");
        byte[] last = idx(sg2, "--count", "1", "--seed", "3");
        assertArrayEquals(first, cell(strip, 2, 2), "the walk starts at seed 1");
        assertArrayEquals(last, cell(strip, 2 + 8 * 30, 2), "and ends at seed 3");
        assertFalse(Arrays.equals(first, cell(strip, 2 + 30, 2)), "and moves");

        ok("interpolate", "--run", dcgan.toString(), "--seeds", "4,5", "--steps", "3", "--scale", "2", "--out",
                tmp.resolve("z.gif").toString());
        assertEquals(4, gifFrames(tmp.resolve("z.gif")));
        assertEquals(56, ImageIO.read(tmp.resolve("z.gif").toFile()).getWidth(), "--scale 2");
        assertArrayEquals(idx(dcgan, "--count", "1", "--seed", "5"), cell(ImageIO.read(tmp.resolve("z.png")
                .toFile()), 2 + 3 * 30, 2), "DCGAN's walk in z ends at seed 5");
        CliTest.assertUserError(CliTest.run("interpolate", "--run", dcgan.toString(), "--seeds", "1,2", "--space", "w",
                "--out", tmp.resolve("w").toString()), "--space: a walk in w space needs a style-based model");
        CliTest.assertUserError(CliTest.run("interpolate", "--run", sg2.toString(), "--seeds", "1", "--out",
                tmp.resolve("w").toString()), "two or more seeds");
        CliTest.assertUserError(CliTest.run("interpolate", "--run", sg2.toString(), "--seeds", "1-12", "--steps",
                "1000", "--out", tmp.resolve("w").toString()), "a grid shows at most 10000 images, asked for 11001");
        CliTest.assertUserError(CliTest.run("style-mix", "--run", sg2.toString(), "--rows", "1-1000", "--cols",
                "1-20", "--out", tmp.resolve("m.png").toString()), "a grid shows at most 10000 images, asked for "
                + "60000");
    }

    @Test
    void projectFindsAWCloserThanTheMeanW() throws IOException {
        Path dir = tmp.resolve("png");
        ok("sample", "--run", sg2.toString(), "--count", "1", "--seed", "9", "--format", "png", "--out",
                dir.toString());
        Result r = ok("project", "--run", sg2.toString(), "--image", dir.resolve("000000.png").toString(),
                "--steps", "40", "--lr", "0.1", "--out", tmp.resolve("proj").toString());
        BufferedImage pair = ImageIO.read(tmp.resolve("proj.png").toFile());
        assertEquals(2 * 30 + 2, pair.getWidth(), "target and projection side by side");
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("proj.json").toFile());
        assertEquals(16, j.get("w").size());
        assertTrue(j.get("mse").asDouble() < j.get("mse_start").asDouble(), r.out());
        ok("project", "--run", sg2.toString(), "--image", dir.resolve("000000.png").toString(), "--steps", "2");
        assertTrue(Files.exists(dir.resolve("000000-projected.png")), "default --out beside the image");
        assertTrue(Files.exists(dir.resolve("000000-projected.json")));
        CliTest.assertUserError(CliTest.run("project", "--run", sg2.toString(), "--image",
                tmp.resolve("proj.png").toString(), "--out", tmp.resolve("p2").toString()), "is 62x32",
                "28x28");
    }
}
