package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan bench-i2i} at a tiny size: it times all three models and writes its JSON and plot; against PyTorch, the
 * script's networks have jgan's parameter counts and its layers jgan's count of multiply-adds (the command prints a
 * note when either differs); bad sizes and models are user errors.
 */
class I2iBenchCommandTest {
    @TempDir
    static Path tmp;

    @Test
    void jganAloneWritesItsJsonAndPlot() throws Exception {
        Path json = tmp.resolve("alone.json");
        Path png = tmp.resolve("alone.png");
        CliTest.Result r = CliTest.runCapturing("bench-i2i", "--no-python", "--models", "srgan,pix2pix",
                "--sizes", "16", "--steps", "1", "--warmup", "0", "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, j.get("points").size(), j.toString());
        for (JsonNode p : j.get("points")) {
            assertTrue(p.get("gflop").asDouble() > 0 && p.get("jgan_cpu_ms").asDouble() > 0, p.toString());
            assertTrue(p.get("pytorch_cpu_ms").isNull(), p.toString());
        }
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void pytorchRunsTheSameNetworksWithTheSameArithmetic() throws Exception {
        CliTest.assumePython("torch", "python3-torch is");
        Path json = tmp.resolve("both.json");
        CliTest.Result r = CliTest.runCapturing("bench-i2i", "--sizes", "16", "--steps", "1", "--warmup", "0",
                "--channels", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().contains("note:"), "parameters or FLOP differ:\n" + r);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, j.get("points").size(), j.toString());
        for (JsonNode pt : j.get("points")) {
            assertTrue(pt.get("pytorch_cpu_ms").asDouble() > 0, pt.toString());
        }
    }

    @Test
    void badSizesAndModelsAreUserErrors() {
        CliTest.assertUserError(CliTest.runCapturing("bench-i2i", "--no-python", "--sizes", "30"),
                "--sizes: 30 is not a power of two");
        CliTest.assertUserError(CliTest.runCapturing("bench-i2i", "--no-python", "--models", "dcgan"),
                "--models: 'dcgan' is not one of");
        CliTest.assertUserError(CliTest.runCapturing("bench-i2i", "--no-python", "--channels", "2"),
                "--channels must be 1 or 3");
    }
}
