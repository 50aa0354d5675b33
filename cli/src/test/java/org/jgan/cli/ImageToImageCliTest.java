package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.cli.CliTest.Result;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.Pixels;
import org.jgan.core.data.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image-to-image command line end to end on tiny folders: {@code train} pix2pix on A/ + B/ pairs, CycleGAN on
 * trainA/ + trainB/ and SRGAN on an IDX folder; {@code translate} writes one PNG per input, a comparison grid and
 * figures (L1/PSNR/SSIM against targets, CycleGAN's cycle error) in both directions; {@code upscale} writes upscaled
 * images and compares SRGAN with bicubic; wrong runs, directions and inputs are one-line errors.
 */
class ImageToImageCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int SIDE = 16;

    @TempDir
    static Path shared;
    static Path pairs;
    static Path unpaired;
    static Path p2p;
    static Path cyc;
    static Path sr;

    @TempDir
    Path tmp;

    static void png(byte[] px, int offset, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(Pixels.fromChw(px, offset, 1, SIDE, SIDE), "png", file.toFile());
    }

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        ImageDataset shapes = SyntheticData.shapes(12, SIDE, 5);
        ImageDataset edges = DemoTasks.edgesToGarment(shapes, "e");
        pairs = shared.resolve("pairs");
        int per = SIDE * SIDE;
        for (int i = 0; i < 8; i++) {
            png(edges.pixels(), 2 * i * per, pairs.resolve("A/s" + i + ".png"));
            png(edges.pixels(), 2 * i * per + per, pairs.resolve("B/s" + i + ".png"));
        }
        unpaired = shared.resolve("unpaired");
        for (int i = 0; i < 12; i++) {
            String split = i < 9 ? "train" : "test";
            String side = shapes.labels()[i] == 1 ? "A" : "B";
            png(shapes.pixels(), i * per, unpaired.resolve(split + side + "/u" + i + ".png"));
        }
        Path idx = CliTest.writeIdxFolder(shared.resolve("idx"));
        p2p = shared.resolve("p2p");
        cyc = shared.resolve("cyc");
        sr = shared.resolve("sr");
        String[] tiny = {"--steps", "2", "--threads", "1", "--no-progress", "--set", "model.width=4", "--set",
            "schedule.sampleCount=4", "--set", "i2i.blocks=1"};
        ok(concat(new String[]{"train", "--model", "pix2pix", "--data", pairs.toString(), "--batch", "4", "--out",
            p2p.toString()}, tiny));
        ok(concat(new String[]{"train", "--model", "cyclegan", "--data", unpaired.toString(), "--batch", "2",
            "--set", "i2i.poolSize=2", "--out", cyc.toString()}, tiny));
        ok(concat(new String[]{"train", "--model", "srgan", "--data", idx.toString(), "--batch", "4", "--set",
            "i2i.scale=2", "--out", sr.toString()}, tiny));
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static JsonNode figures(Path out) throws IOException {
        return JSON.readTree(out.resolve("figures.json").toFile());
    }

    static BufferedImage read(Path p) throws IOException {
        return ImageIO.read(p.toFile());
    }

    @Test
    void pix2pixTranslatesPairsWithFigures() throws IOException {
        Path out = tmp.resolve("t");
        Result r = ok("translate", "--run", p2p.toString(), "--input", pairs.toString(), "--out", out.toString());
        assertTrue(r.out().contains("8 images AtoB") && r.out().contains("against targets: L1 "), r.out());
        for (int i = 0; i < 8; i++) {
            BufferedImage img = read(out.resolve("00000" + i + ".png"));
            assertEquals(SIDE, img.getWidth());
        }
        JsonNode f = figures(out);
        assertEquals(8, f.get("images").asInt());
        assertTrue(f.get("L1").asDouble() > 0 && f.get("L1").asDouble() < 1);
        assertTrue(Double.isFinite(f.get("PSNR").asDouble()) && f.get("SSIM").asDouble() < 1);
        // 8 examples of input | output | target: 2 examples per row, 6 cells of 16 + 2 pixels
        assertEquals(6 * 18 + 2, read(out.resolve("comparison.png")).getWidth());

        Path one = tmp.resolve("one");
        ok("translate", "--run", p2p.toString(), "--input", pairs.resolve("A/s3.png").toString(), "--out",
                one.toString());
        assertTrue(Files.exists(one.resolve("s3.png")), "a file input keeps its name");
        assertTrue(!figures(one).has("L1"), "no target, no figures against it");
        Path odd = tmp.resolve("odd/wide.png");
        Files.createDirectories(odd.getParent());
        ImageIO.write(new BufferedImage(20, 12, BufferedImage.TYPE_INT_RGB), "png", odd.toFile());
        ok("translate", "--run", p2p.toString(), "--input", odd.getParent().toString(), "--out", one.toString());
        BufferedImage resized = read(one.resolve("wide.png"));
        assertEquals(SIDE, resized.getWidth(), "inputs are resized to the training size");
        assertEquals(SIDE, resized.getHeight());

        CliTest.assertUserError(CliTest.run("translate", "--run", p2p.toString(), "--input", pairs.toString(),
                "--out", out.toString(), "--direction", "BtoA"), "this pix2pix run translates AtoB only");
        CliTest.assertUserError(CliTest.run("translate", "--run", p2p.toString(), "--input",
                tmp.resolve("nothing").toString(), "--out", out.toString()), "nothing: no such file or folder");
    }

    @Test
    void cycleganTranslatesBothWaysWithTheCycleError() throws IOException {
        for (String dir : List.of("AtoB", "BtoA")) {
            Path out = tmp.resolve(dir);
            Result r = ok("translate", "--run", cyc.toString(), "--input", unpaired.toString(), "--direction", dir,
                    "--out", out.toString(), "--idx", "--label", "2");
            assertTrue(r.out().contains("cycle reconstruction"), r.out());
            JsonNode f = figures(out);
            assertTrue(f.get("cycleL1").asDouble() > 0, f.toString());
            List<String> names = Files.list(out).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("u"))
                    .sorted().toList();
            List<String> expected = Files.list(unpaired.resolve(dir.equals("AtoB") ? "testA" : "testB"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(expected, names, "testA/ or testB/ by direction, names kept");
            int[] labels = org.jgan.core.data.DataSources.open(out.resolve("idx").toString()).labels();
            assertEquals(expected.size(), labels.length);
            assertTrue(java.util.Arrays.stream(labels).allMatch(l -> l == 2));
        }
    }

    @Test
    void srganUpscalesAndComparesWithBicubic() throws IOException {
        Path out = tmp.resolve("up");
        Result r = ok("upscale", "--run", sr.toString(), "--input", shared.resolve("idx").toString(), "--degrade",
                "--limit", "6", "--idx", "--out", out.toString());
        assertTrue(r.out().contains("SRGAN   against originals") && r.out().contains("bicubic against originals"),
                r.out());
        JsonNode f = figures(out);
        assertEquals(2, f.get("scale").asInt());
        for (String k : new String[]{"srganPSNR", "srganSSIM", "bicubicPSNR", "bicubicSSIM"}) {
            assertTrue(Double.isFinite(f.get(k).asDouble()), k);
        }
        assertEquals(28, read(out.resolve("000000.png")).getWidth(), "14x14 inputs upscaled by 2");
        // the IDX folders are ordinary labelled data sets, with the input's labels
        for (String k : new String[]{"srgan-idx", "bicubic-idx"}) {
            org.jgan.core.data.ImageDataset d = org.jgan.core.data.DataSources.open(out.resolve(k).toString());
            assertEquals(6, d.size());
            assertEquals(28, d.width());
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(SyntheticData.shapes(24, 28, 3).labels(),
                    6)), java.util.Arrays.toString(d.labels()));
        }
        // 6 examples of LR | bicubic | SRGAN | HR: 1 example per row, 4 cells of 28 + 2
        assertEquals(4 * 30 + 2, read(out.resolve("comparison.png")).getWidth());

        Path file = tmp.resolve("in.png");
        ImageIO.write(new BufferedImage(9, 5, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        Path big = tmp.resolve("big.png");
        ok("upscale", "--run", sr.toString(), "--input", file.toString(), "--out", big.toString());
        assertEquals(18, read(big).getWidth());
        assertEquals(10, read(big).getHeight());

        // what the user has is never replaced: the input itself, or the folder it is in (outputs take inputs' names)
        byte[] before = java.nio.file.Files.readAllBytes(file);
        CliTest.assertUserError(CliTest.run("upscale", "--run", sr.toString(), "--input", file.toString(), "--out",
                file.toString()), "is the input image; give another file name");
        CliTest.assertUserError(CliTest.run("upscale", "--run", sr.toString(), "--input", file.toString(), "--out",
                tmp.toString()), tmp + ": holds the inputs (" + file + ")");
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(file)), "the input is untouched");
        // an earlier output (it has figures.json) is replaced
        ok("upscale", "--run", sr.toString(), "--input", shared.resolve("idx").toString(), "--limit", "2", "--out",
                out.toString());
    }

    @Test
    void wrongRunsAndDataAreOneLineErrors() {
        CliTest.assertUserError(CliTest.run("translate", "--run", sr.toString(), "--input", pairs.toString(),
                "--out", tmp.toString()), "run upscales; use jgan upscale");
        CliTest.assertUserError(CliTest.run("upscale", "--run", p2p.toString(), "--input", pairs.toString(),
                "--out", tmp.toString()), "run translates; use jgan translate");
        CliTest.assertUserError(CliTest.run("sample", "--run", cyc.toString(), "--out", tmp.resolve("s.png")
                .toString()), "maps images to images and does not generate from noise; use jgan translate");
        CliTest.assertUserError(CliTest.run("train", "--model", "pix2pix", "--data", unpaired.toString(), "--steps",
                "1", "--out", tmp.resolve("x").toString()), "pix2pix trains on aligned pairs",
                "which cyclegan trains on");
    }

    @Test
    void withoutDataTheModelTrainsOnItsDemoTask() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(
                org.jgan.core.data.DataSources.fashionMnistDir()), "Fashion-MNIST is not installed");
        Path run = tmp.resolve("demo");
        ok("train", "--model", "cyclegan", "--steps", "1", "--threads", "1", "--no-progress", "--set",
                "model.width=2", "--set", "i2i.blocks=1", "--set", "data.limit=8", "--out", run.toString());
        JsonNode cfg = JSON.readTree(run.resolve("config.json").toFile());
        assertEquals("demo:sneaker2boot", cfg.at("/config/data/source").asText());
        assertEquals(0.5, cfg.at("/config/i2i/lrDecayFrom").asDouble());
        assertEquals("[2,28,28]", cfg.at("/provenance/dataset/shape").toString());
        assertEquals(false, cfg.at("/provenance/dataset/pairing/aligned").asBoolean(true));
    }
}
