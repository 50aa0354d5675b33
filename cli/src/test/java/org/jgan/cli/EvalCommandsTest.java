package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.npz.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation commands end to end, on small slices of Fashion-MNIST (so FID warns about the sample count). */
class EvalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path a;
    static Path b;

    @BeforeAll
    static void data() throws Exception {
        System.setProperty("jgan.cache.dir", tmp.resolve("cache").toString());
        ImageDataset test = DataSources.open("fashion-mnist:test");
        a = idx("a-images-idx3-ubyte", test, 0, 300);
        b = idx("b-images-idx3-ubyte", test, 300, 300);
    }

    static Path idx(String name, ImageDataset d, int from, int n) throws Exception {
        byte[] px = java.util.Arrays.copyOfRange(d.pixels(), from * 784, (from + n) * 784);
        Path p = tmp.resolve(name);
        IdxWriter.write(p, new int[]{n, 28, 28}, px);
        return p;
    }

    /** The commands print to System.out themselves, so capture that too (CliTest's runner). */
    static CliTest.Result run(String... args) {
        return CliTest.runCapturing(args);
    }

    static double fid(CliTest.Result r) {
        assertEquals(0, r.code(), r.err());
        return Double.parseDouble(r.out().trim().substring("FID:".length()).trim());
    }

    @Test
    void statsFileAndImagesGiveTheSameFid() {
        Path npz = tmp.resolve("a.npz");
        CliTest.Result s = run("stats", a.toString(), "--out", npz.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.err().contains("biased"), "warns below 10,000 samples: " + s.err());
        assertEquals(0, fid(run("fid", npz.toString(), a.toString())), 1e-6);
        double ab = fid(run("fid", a.toString(), b.toString()));
        assertTrue(ab > 0);
        assertEquals(ab, fid(run("fid", b.toString(), npz.toString())), 1e-9 * ab);
    }

    @Test
    void evalScoresImagesMadeElsewhereLikeFid() throws Exception {
        CliTest.Result r = run("eval", "--samples", a.toString(), "--reference", b.toString(), "--count", "300");
        assertEquals(0, r.code(), r.err());
        var rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out().strip());
        assertEquals(fid(run("fid", a.toString(), b.toString())), rec.get("fid").asDouble(), 1e-6,
                "the same images, the same features: eval --samples and fid agree");
        assertEquals(-1, rec.get("step").asLong());
        assertTrue(rec.get("class_accuracy").isNull(), "a lone IDX images file carries no labels");
        assertTrue(rec.has("within_class_diversity") && rec.get("within_class_diversity").isNull(), r.out());
        CliTest.Result none = run("eval", "--samples", a.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--reference"), none.err());
        CliTest.Result neither = run("eval", "--reference", b.toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--run") && neither.err().contains("--samples"), neither.err());
        CliTest.Result both = run("eval", "--run", tmp.toString(), "--samples", a.toString(), "--reference",
                b.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --run DIR or --samples IMAGES, not both"), both.err());
        CliTest.Result npz = run("eval", "--samples", a.toString(), "--reference", "stats.npz");
        assertEquals(2, npz.code());
        assertTrue(npz.err().contains("--reference stats.npz: eval needs real images"), npz.err());
    }

    @Test
    void badInputsAreOneLineErrorsNamingTheInput() throws Exception {
        Path noSigma = tmp.resolve("mu-only.npz");
        Npz.write(noSigma, Map.of("mu", NpyArray.vector(new double[128])));
        CliTest.Result r = run("fid", noSigma.toString(), a.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mu-only.npz") && r.err().contains("'sigma'"), r.err());

        Path few = idx("few-images-idx3-ubyte", DataSources.open("fashion-mnist:test"), 0, 50);
        r = run("stats", few.toString(), "--out", tmp.resolve("few.npz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least 129"), r.err());

        Path rgb = Files.createDirectories(tmp.resolve("rgb"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, 0xff0000);
            ImageIO.write(img, "png", rgb.resolve(i + ".png").toFile());
        }
        r = run("fid", rgb.toString(), a.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("3x8x8") && r.err().contains("inception:PATH"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void trainEvaluatesKeepsBestAndEvalAppends() throws Exception {
        Path runDir = tmp.resolve("run");
        CliTest.Result t = run("train", "--model", "dcgan", "--data", a.toString(), "--steps", "4", "--batch", "16",
                "--set", "model.width=8", "--set", "schedule.sampleCount=16", "--eval-every", "2",
                "--eval-count", "200", "--eval-reference", b.toString(), "--out", runDir.toString(), "--no-progress");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("eval step 2") && t.err().contains("eval step 4"), t.err());
        List<String> lines = Files.readAllLines(runDir.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(Files.exists(runDir.resolve("checkpoints/best/state.json")));
        assertTrue(Files.readString(runDir.resolve("stats.jsonl")).contains("\"event\":\"eval\""));

        CliTest.Result e = run("eval", "--run", runDir.toString(), "--count", "200", "--reference", b.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode j = JSON.readTree(e.out().strip());
        for (String k : new String[]{"fid", "kid", "is", "precision", "recall", "coverage", "samples", "features",
                "reference"}) {
            assertTrue(j.has(k), k + " in " + j);
        }
        assertEquals(200, j.get("samples").asInt());
        assertEquals("classifier:builtin", j.get("features").asText());
        assertEquals(3, Files.readAllLines(runDir.resolve("metrics.jsonl")).size());

        CliTest.Result best = run("eval", "--run", runDir.toString(), "--checkpoint", "best", "--count", "200",
                "--reference", b.toString());
        assertEquals(0, best.code(), best.err());
        assertTrue(fid(run("fid", runDir.toString(), b.toString(), "--count", "200")) > 0);
    }
}
