package org.jgan.api.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.Presets;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.models.Variants;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.TranslationInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java image-to-image API on runs trained two steps on tiny generated data: pix2pix translates a folder of pairs
 * with figures against the targets and no cycle (it has no inverse network); CycleGAN translates both ways and maps
 * its outputs back with the inverse network for the cycle figure; SRGAN upscales and runs the degrade-then-upscale
 * protocol; each refuses the other's job in the library's words.
 */
class ImageToImageRunTest {
    static final int SIDE = 16;

    @TempDir
    static Path shared;
    static Path p2p;
    static Path cyc;
    static Path sr;
    static Path pairs;
    static ImageDataset unpaired;

    static Path train(String model, ImageDataset data) throws IOException {
        TrainConfig c = ConfigJson.withOverrides(Presets.byName(model), List.of("model.width=4", "data.batch=4",
                "data.source=synthetic", "schedule.steps=2", "schedule.epochs=0", "schedule.sampleCount=4",
                "i2i.blocks=1", "i2i.poolSize=2", "i2i.scale=2", "i2i.loadSize=0", "i2i.crop=0"), TrainConfig.class);
        Path run = shared.resolve(model);
        try (Trainer t = new Trainer(Variants.byName(model), c, data, run)) {
            t.run(new TrainListener() { });
        }
        return run;
    }

    static List<Path> nulls(int n) {
        return Collections.nCopies(n, null);
    }

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        ImageDataset edges = DemoTasks.edgesToGarment(SyntheticData.shapes(8, SIDE, 1), "pairs");
        pairs = shared.resolve("pairs");
        List<String> names = IntStream.range(0, 8).mapToObj(i -> "s" + i).toList();
        ImageOutputs.writePngs(ImageFiles.channels(edges, 0, 1, nulls(8)), names, pairs.resolve("A"));
        ImageOutputs.writePngs(ImageFiles.channels(edges, 1, 1, nulls(8)), names, pairs.resolve("B"));
        unpaired = DemoTasks.classToClass(SyntheticData.shapes(24, SIDE, 2), 1, 2, 3, "unpaired");
        p2p = train("pix2pix", edges);
        cyc = train("cyclegan", unpaired);
        sr = train("srgan", SyntheticData.shapes(8, SIDE, 4));
    }

    @Test
    void pix2pixTranslatesAgainstTargetsWithoutACycle() throws IOException {
        try (ImageToImageRun run = ImageToImageRun.load(p2p)) {
            assertEquals(List.of(ImageToImage.A_TO_B), run.directions());
            assertFalse(run.upscales());
            Translation t = run.translate(run.read(pairs.toString(), "AtoB", false, 6), "AtoB");
            assertEquals(6, t.outputs().size());
            assertEquals(SIDE, t.outputs().width());
            assertEquals(Quality.of(t.outputs(), t.inputs().targets()), t.againstTargets());
            assertTrue(t.againstTargets().l1() > 0 && t.againstTargets().l1() < 1, t.againstTargets().summary());
            assertNull(t.cycle(), "pix2pix has no inverse network");
            assertNull(t.reconstructions());
            assertEquals(3, t.comparisonColumns().size(), "input | output | target");

            Path wide = shared.resolve("wide.png");
            ImageIO.write(new BufferedImage(20, 12, BufferedImage.TYPE_INT_RGB), "png", wide.toFile());
            TranslationInputs one = run.read(List.of(wide), "AtoB");
            assertEquals(List.of(1, SIDE, SIDE), List.of(one.inputs().channels(), one.inputs().height(),
                    one.inputs().width()), "resized and given the channels of the training data");

            ConfigException e = assertThrows(ConfigException.class, () -> run.translator("BtoA"));
            assertTrue(e.getMessage().contains("this pix2pix run translates AtoB only"), e.getMessage());
            e = assertThrows(ConfigException.class, () -> run.upscale(one.inputs()));
            assertTrue(e.getMessage().endsWith("a pix2pix run translates; use translate"), e.getMessage());
            assertFalse(e.getMessage().contains("--"), "no command-line flags in library messages");
        }
    }

    @Test
    void cycleganMapsItsOutputsBackWithTheInverseNetwork() throws IOException {
        try (ImageToImageRun run = ImageToImageRun.load(cyc, "latest", false)) {
            assertEquals(List.of("AtoB", "BtoA"), run.directions());
            for (String dir : run.directions()) {
                int side = dir.equals("AtoB") ? 0 : 1;
                ImageFiles.Decoded x = ImageFiles.channels(unpaired, side, 1, nulls(unpaired.size()));
                Translation t = run.translate(new TranslationInputs(x, null), dir);
                assertNull(t.againstTargets(), "unpaired inputs have no targets");
                var back = run.translator(ImageToImage.opposite(dir));
                assertEquals(run.checkpoint(), back.checkpoint(), "both networks from one checkpoint");
                assertArrayEquals(ImageBatches.map(t.outputs(), back::apply).pixels(), t.reconstructions().pixels());
                assertEquals(Quality.of(t.reconstructions(), x), t.cycle());
                assertTrue(t.cycle().l1() > 0, t.cycle().summary());
                assertEquals(3, t.comparisonColumns().size(), "input | output | reconstruction");
            }
        }
    }

    @Test
    void srganUpscalesAndRunsTheDegradeProtocol() throws IOException {
        try (ImageToImageRun run = ImageToImageRun.load(sr)) {
            assertTrue(run.upscales());
            assertEquals(2, run.scale());
            Upscaling u = run.upscale(QualityTest.images(5, 3, 10, 12, 90));
            assertEquals(List.of(1, 20, 24), List.of(u.superResolved().channels(), u.superResolved().height(),
                    u.superResolved().width()), "RGB made gray as trained, sides doubled");
            assertEquals(u.superResolved().height(), u.bicubic().height());
            assertNull(u.networkQuality(), "no originals, no figures");

            ImageFiles.Decoded odd = QualityTest.images(3, 1, 17, 15, 0);
            new java.util.Random(7).nextBytes(odd.pixels());
            Upscaling d = run.degradeAndUpscale(odd);
            assertEquals(List.of(16, 14, 8, 7), List.of(d.originals().height(), d.originals().width(),
                    d.lowRes().height(), d.lowRes().width()), "cropped to even sides, then halved");
            assertEquals(Quality.of(d.superResolved(), d.originals()), d.networkQuality());
            assertEquals(Quality.of(d.bicubic(), d.originals()), d.bicubicQuality());
            assertEquals(4, d.comparisonColumns().size());
            // a flat image survives degradation and bicubic upscaling unchanged
            Upscaling flat = run.degradeAndUpscale(QualityTest.images(2, 1, 8, 8, 140));
            assertEquals(0, flat.bicubicQuality().l1(), 1e-9);

            ConfigException e = assertThrows(ConfigException.class, () -> run.translate(new TranslationInputs(odd,
                    null), "AtoB"));
            assertTrue(e.getMessage().endsWith("a srgan run upscales; use upscale"), e.getMessage());

            // one pixel past 2048 x 2048 after upscaling is refused before any memory is taken (a 5000 x 5000 input
            // once took the machine's 24 GB); the largest allowed size is named
            DataException big = assertThrows(DataException.class,
                    () -> run.upscale(QualityTest.images(1, 1, 1024, 1025, 0)));
            assertTrue(big.getMessage().startsWith("images of 1025x1024 upscale to 2050x2048")
                    && big.getMessage().contains("inputs of up to 1024x1024"), big.getMessage());
        }
    }
}
