package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.cli.CliTest.Result;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.IdxReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan augment} writes labelled synthetic sets that jgan's own readers load back (IDX as MNIST names it, class
 * folders, NumPy arrays), with a manifest, mixes them with real data at the asked ratio, and refuses bad input.
 */
class AugmentCommandTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path cgan;
    static Path dcgan;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        data = CliTest.writeIdxFolder(shared.resolve("idx"));
        cgan = shared.resolve("cgan");
        dcgan = shared.resolve("dcgan");
        for (Path run : new Path[]{cgan, dcgan}) {
            Result r = CliTest.run("train", "--model", run == cgan ? "cgan" : "dcgan", "--data", data.toString(),
                    "--steps", "2", "--batch", "8", "--set", "model.width=8", "--out", run.toString(),
                    "--no-progress");
            assertEquals(0, r.code(), r.toString());
        }
    }

    @Test
    void idxExportReadsBackBalancedWithAManifest() throws IOException {
        Path out = tmp.resolve("idx");
        Result r = CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "5", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        ImageDataset back = DataSources.open(out.toString());
        assertEquals(15, back.size());
        int[] counts = new int[3];
        for (int l : back.labels()) {
            counts[l]++;
        }
        assertEquals(5, counts[0]);
        assertEquals(5, counts[2]);
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(5, m.get("synthetic_per_class").asInt());
        assertEquals(15, m.get("total").asInt());
        assertEquals("cgan", m.get("model").asText());
        assertTrue(m.get("checkpoint").asText().startsWith("step-"));
    }

    @Test
    void foldersAndNpyFormats() throws IOException {
        Path f = tmp.resolve("folders");
        assertEquals(0, CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "2", "--format",
                "folders", "--out", f.toString()).code());
        ImageDataset back = DataSources.open(f.toString());
        assertEquals(6, back.size());
        assertEquals(3, back.numClasses());
        Path n = tmp.resolve("npy");
        assertEquals(0, CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "2", "--format", "npy",
                "--out", n.toString()).code());
        byte[] img = Files.readAllBytes(n.resolve("images.npy"));
        String header = new String(img, 10, ByteBuffer.wrap(img, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        assertTrue(header.contains("'descr': '|u1'") && header.contains("'shape': (6, 28, 28)"), header);
        assertEquals(0, (10 + header.length()) % 64, "npy header must be padded to 64 bytes");
        assertEquals(10 + header.length() + 6 * 28 * 28, img.length);
        long labels = Files.size(n.resolve("labels.npy"));
        assertEquals(0, (labels - 6 * 8) % 64, "labels.npy: a 64-byte aligned header then 6 int64 labels");
    }

    @Test
    void mixWithKeepsAllRealImagesAndAddsTheRatio() throws IOException {
        Path out = tmp.resolve("mix");
        Result r = CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "10", "--mix-with",
                data.toString(), "--ratio", "0.5", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        IdxReader.Idx imgs = IdxReader.read(out.resolve("train-images-idx3-ubyte"), 3);
        assertEquals(24 + 12, imgs.count());
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(24, m.get("real_total").asInt());
    }

    @Test
    void badInputIsAOneLineError() throws IOException {
        CliTest.assertUserError(CliTest.run("augment", "--run", dcgan.toString(), "--count-per-class", "2", "--out",
                tmp.resolve("x").toString()), "not conditional");
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/keep.txt"), "mine");
        CliTest.assertUserError(CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "2", "--out",
                tmp.resolve("full").toString()), "not empty");
        CliTest.assertUserError(CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "2",
                "--min-confidence", "0.5", "--out", tmp.resolve("y").toString()), "3 classes");
        CliTest.assertUserError(CliTest.run("augment", "--run", cgan.toString(), "--count-per-class", "0", "--out",
                tmp.resolve("z").toString()), "--count-per-class");
    }
}
