package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Style mixing, walks between seeds and projection through {@link GanModel}, on a StyleGAN2, a DCGAN and a cGAN
 * trained for two steps: every image shown for a seed is the image {@link GanModel#sample} gives for it.
 */
class LatentToolsTest {
    @TempDir
    static Path tmp;
    static Path sg2;
    static Path dcgan;
    static Path cgan;

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        ImageDataset d = SyntheticData.shapes(48, 28, 3);
        Path data = Files.createDirectories(tmp.resolve("idx"));
        IdxWriter.write(data.resolve("train-images-idx3-ubyte"), new int[]{48, 28, 28}, d.pixels());
        byte[] labels = new byte[48];
        for (int i = 0; i < 48; i++) {
            labels[i] = (byte) d.labels()[i];
        }
        IdxWriter.write(data.resolve("train-labels-idx1-ubyte"), new int[]{48}, labels);
        sg2 = tmp.resolve("sg2");
        dcgan = tmp.resolve("dcgan");
        cgan = tmp.resolve("cgan");
        Jgan.train(Jgan.config("stylegan2").data(data.toString()).batch(8).width(8).set("model.latentDim", 16)
                .steps(2).sampleAndCheckpointEvery(2, 2).build(), sg2).run();
        for (Path run : List.of(dcgan, cgan)) {
            Jgan.train(Jgan.config(run.getFileName().toString()).data(data.toString()).batch(8).width(8).steps(2)
                    .sampleAndCheckpointEvery(2, 2).build(), run).run();
        }
    }

    static byte[] image(Samples s, int i) {
        int per = s.channels() * s.height() * s.width();
        return Arrays.copyOfRange(s.pixels(), i * per, (i + 1) * per);
    }

    static byte[] seedImage(GanModel m, long seed) {
        return m.sample(1, seed).pixels();
    }

    @Test
    void styleMixShowsTheSeedsImagesAndTakesTheChosenStylesFromTheColumns() throws IOException {
        try (GanModel m = Jgan.load(sg2)) {
            assertTrue(m.styleBased());
            List<Long> rows = List.of(1L, 2L);
            List<Long> cols = List.of(3L, 4L, 5L);
            StyleMix mix = m.styleMix(rows, cols, List.of("coarse", "middle", "fine"), 1.0, null);
            assertEquals(List.of("coarse", "middle", "fine"), mix.bands());
            assertArrayEquals(new int[]{0, 1, 2}, mix.layers(0));
            for (int r = 0; r < rows.size(); r++) {
                assertArrayEquals(seedImage(m, rows.get(r)), image(mix.rows(), r), "row " + r);
            }
            for (int c = 0; c < cols.size(); c++) {
                assertArrayEquals(seedImage(m, cols.get(c)), image(mix.columns(), c), "column " + c);
            }
            assertEquals(6, mix.mixed(0).count());
            assertFalse(Arrays.equals(image(mix.mixed(0), 0), image(mix.rows(), 0)), "coarse styles change row 0");
            int last = m.styleLayers("fine")[m.styleLayers("fine").length - 1];
            StyleMix all = m.styleMix(rows, cols, List.of("0-" + last), 1.0, null);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    assertArrayEquals(image(mix.columns(), c), image(all.mixed(0), r * 3 + c),
                            "every style from column " + c + " gives the column's image");
                }
            }
            BufferedImage grid = ImageIO.read(mix.writeGrid(tmp.resolve("mix.png")).toFile());
            assertEquals(4 * 30 + 4, grid.getWidth());
            assertEquals(7 * 30 + 4 + 3 * 4, grid.getHeight());
            ConfigException band = assertThrows(ConfigException.class,
                    () -> m.styleMix(rows, cols, List.of("ultra"), 1.0, null));
            assertTrue(band.getMessage().contains("'ultra' is not a style band"), band.getMessage());
        }
        try (GanModel m = Jgan.load(dcgan)) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> m.styleMix(List.of(1L), List.of(2L), List.of("coarse"), 1.0, null));
            assertTrue(e.getMessage().contains("style mixing needs a style-based model") && e.getMessage()
                    .contains("dcgan"), e.getMessage());
        }
    }

    @Test
    void walksRunFromSeedToSeedInTheirSpace() throws IOException {
        try (GanModel m = Jgan.load(sg2)) {
            LatentWalk w = LatentWalk.through(1, 2, 3).steps(4).resolvedFor(m);
            assertEquals(LatentSpace.W, w.space());
            assertFalse(w.spherical(), "straight lines in w");
            Samples frames = m.interpolate(LatentWalk.through(1, 2, 3).steps(4));
            assertEquals(9, frames.count(), "2 segments of 4 steps plus the last seed");
            assertArrayEquals(seedImage(m, 1), image(frames, 0), "the walk starts at seed 1");
            assertArrayEquals(seedImage(m, 3), image(frames, 8), "and ends at seed 3");
            assertFalse(Arrays.equals(image(frames, 0), image(frames, 1)), "and moves");
            assertArrayEquals(frames.pixels(), m.interpolate(LatentWalk.through(1, 2, 3).steps(4)).pixels());
            assertEquals(9 * 30 + 2, frames.grid().getWidth(), "one strip");
        }
        try (GanModel m = Jgan.load(dcgan)) {
            LatentWalk z = LatentWalk.through(4, 5).steps(3);
            assertEquals(LatentSpace.Z, z.resolvedFor(m).space());
            assertTrue(z.resolvedFor(m).spherical(), "slerp in z");
            Samples frames = m.interpolate(z);
            assertEquals(4, frames.count());
            assertArrayEquals(seedImage(m, 5), image(frames, 3), "the walk in z ends at seed 5");
            Path gif = frames.writeGif(tmp.resolve("z.gif"), 12, 2);
            // the frame count and the loop are checked end to end by the CLI's StyleGan2CliTest
            assertEquals(56, ImageIO.read(gif.toFile()).getWidth(), "scale 2");
            ConfigException w = assertThrows(ConfigException.class,
                    () -> m.interpolate(z.space(LatentSpace.W)));
            assertTrue(w.getMessage().contains("w space needs a style-based model"), w.getMessage());
            assertThrows(ConfigException.class, () -> frames.writeGif(tmp.resolve("bad.gif"), 0, 1));
        }
        try (GanModel m = Jgan.load(cgan)) {
            ConfigException noClass = assertThrows(ConfigException.class,
                    () -> m.interpolate(LatentWalk.through(1, 2).steps(2)));
            assertTrue(noClass.getMessage().contains("conditional"), noClass.getMessage());
            Samples frames = m.interpolate(LatentWalk.through(1, 2).steps(2).cls("2"));
            assertEquals(2, frames.label(2));
            assertArrayEquals(m.sampleClass("2", 1, 2).pixels(), image(frames, 2), "seed 2 of class 2");
        }
        assertThrows(ConfigException.class, () -> LatentWalk.through(1));
        assertThrows(ConfigException.class, () -> LatentWalk.through(1, 2).steps(0));
    }

    @Test
    void projectionGetsCloserThanTheMeanW() throws IOException {
        try (GanModel m = Jgan.load(sg2)) {
            Samples target = m.sample(1, 9);
            Projection p = m.project(target.image(0), 40, 0.1);
            assertTrue(p.mse() < p.initialMse(), p.mse() + " vs " + p.initialMse());
            assertEquals(16, p.w().length);
            assertEquals(40, p.steps());
            assertArrayEquals(target.pixels(), image(p.pair(), 0), "the pair starts with the target");
            assertEquals(2 * 30 + 2, ImageIO.read(p.writePair(tmp.resolve("pair.png")).toFile()).getWidth());
            Path png = target.writePngs(tmp.resolve("target")).resolve("000000.png");
            assertEquals(p.mse(), m.project(png, 40, 0.1).mse(), 1e-6, "from a file, the same projection");
            Path wrongSize = tmp.resolve("wrong.png");
            ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY), "png", wrongSize.toFile());
            ConfigException size = assertThrows(ConfigException.class, () -> m.project(wrongSize, 2, 0.1));
            assertTrue(size.getMessage().contains(wrongSize + " is 20x20") && size.getMessage().contains("28x28"),
                    size.getMessage());
            ConfigException missing = assertThrows(ConfigException.class,
                    () -> m.project(tmp.resolve("none.png"), 2, 0.1));
            assertTrue(missing.getMessage().contains("none.png: no such file"), missing.getMessage());
        }
        try (GanModel m = Jgan.load(cgan)) {
            BufferedImage img = m.sampleClass("0", 1, 0).image(0);
            assertThrows(ConfigException.class, () -> m.project(img, 2, 0.1));
        }
    }
}
