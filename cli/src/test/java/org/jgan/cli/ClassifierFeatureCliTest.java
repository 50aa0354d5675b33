package org.jgan.cli;

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
import org.jgan.core.data.DataSources;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.DataShape;
import org.jgan.engine.Torch;
import org.jgan.metrics.classifier.ClassifierFeatureNet;
import org.jgan.metrics.classifier.ClassifierFile;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ConfusionMatrix;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.models.srgan.FeatureNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in classifier through the command line: {@code classifier test --by-class} scores an IDX folder such as
 * {@code translate --idx} writes, and {@code i2i.featureNet=classifier} gives SRGAN its content loss, refusing data
 * the classifier does not take.
 */
class ClassifierFeatureCliTest {
    @TempDir
    Path tmp;

    static String[] srgan(Path data, Path out, String... more) {
        String[] base = {"train", "--model", "srgan", "--data", data.toString(), "--steps", "2", "--batch", "4",
            "--threads", "1", "--no-progress", "--set", "model.width=4", "--set", "i2i.blocks=1", "--set",
            "schedule.sampleCount=4", "--set", "i2i.featureNet=classifier", "--out", out.toString()};
        return ImageToImageCliTest.concat(base, more);
    }

    @Test
    void classifierTestScoresAnIdxFolderByClass() throws Exception {
        ImageDataset test = DataSources.open("fashion-mnist:test").head(200);
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{200, 28, 28}, test.pixels());
        byte[] labels = new byte[200];
        for (int i = 0; i < 200; i++) {
            labels[i] = (byte) test.labels()[i];
        }
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{200}, labels);
        Result r = CliTest.run("classifier", "test", "--data", dir.toString(), "--by-class");
        assertEquals(0, r.code(), r.toString());
        Torch.init(1);
        try (ClassifierNet net = ClassifierFile.loadResource(ClassifierFeatures.BUILTIN_RESOURCE).net()) {
            ConfusionMatrix m = ConfusionMatrix.of(net, test);
            assertTrue(r.out().startsWith(String.format("accuracy %.4f on %s, 200 images", m.accuracy(), dir)),
                    r.out());
            String row9 = r.out().lines().filter(l -> l.startsWith("9 ")).findFirst().orElseThrow();
            assertTrue(row9.contains(String.format("%6d", m.count(9, 9))) && row9.contains(String.format("%7d",
                    m.rowTotal(9))), row9);
        }
    }

    @Test
    void srganTrainsWithTheBuiltinClassifierAsFeatureNetwork() throws IOException {
        Path run = tmp.resolve("sr");
        Result r = CliTest.run(srgan(CliTest.writeIdxFolder(tmp.resolve("idx")), run, "--set", "i2i.scale=4"));
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(last.has("Loss/G/feature") && last.get("Loss/G/feature").asDouble() > 0, last.toString());
        assertEquals("classifier", new ObjectMapper().readTree(run.resolve("config.json").toFile())
                .at("/config/i2i/featureNet").asText());
        try (var f = FeatureNets.open("classifier", new DataShape(1, 28, 28, 0))) {
            assertTrue(f instanceof ClassifierFeatureNet, "classifier names " + f.getClass());
        }
    }

    @Test
    void refusesDataTheClassifierDoesNotTake() throws IOException {
        Path idx = CliTest.writeIdxFolder(tmp.resolve("idx"));
        CliTest.assertUserError(CliTest.run(srgan(idx, tmp.resolve("crop"), "--set", "i2i.crop=16")),
                "i2i.featureNet=classifier: jgan's built-in classifier takes 1x28x28 images",
                "this run trains on 1x16x16 images");
        Path rgb = Files.createDirectories(tmp.resolve("rgb"));
        for (int i = 0; i < 4; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
            img.setRGB(i, i, 0xff2080 + i);
            ImageIO.write(img, "png", rgb.resolve("c" + i + ".png").toFile());
        }
        CliTest.assertUserError(CliTest.run(srgan(rgb, tmp.resolve("rgb-run"))), "3x28x28 (RGB) images",
                "give the path of a TorchScript feature network for this data, or none");
    }
}
