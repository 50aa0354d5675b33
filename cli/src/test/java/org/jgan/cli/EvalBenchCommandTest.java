package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-eval} on a two-step run and 1,000 made-up real images; with PyTorch where it is installed. */
class EvalBenchCommandTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path real;

    @BeforeAll
    static void runAndData() throws Exception {
        Path idx = CliTest.writeIdxFolder(tmp.resolve("idx"));
        run = tmp.resolve("run");
        CliTest.ok("train", "--data", idx.toString(), "--batch", "8", "--set", "model.width=8", "--model", "dcgan",
                "--steps", "2", "--out", run.toString(), "--no-progress");
        ImageDataset d = SyntheticData.shapes(1000, 28, 9);
        real = tmp.resolve("real-images-idx3-ubyte");
        IdxWriter.write(real, new int[]{1000, 28, 28}, d.pixels());
    }

    static JsonNode bench(Path json, String... extra) throws Exception {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("bench-eval", "--run", run.toString(),
                "--samples", "1000", "--reference", real.toString(), "--json", json.toString()));
        a.addAll(java.util.List.of(extra));
        CliTest.Result r = CliTest.runCapturing(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("precision_recall"), r.out());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void timesEveryStageOfJgansPipeline() throws Exception {
        JsonNode j = bench(tmp.resolve("alone.json"), "--no-python");
        for (String s : EvalBenchCommand.STAGES) {
            assertTrue(j.at("/jgan/seconds/" + s).asDouble(-1) >= 0, s + " in " + j);
        }
        assertTrue(j.at("/jgan/fid").asDouble() > 0, j.toString());
        assertTrue(j.get("pytorch").isNull(), j.toString());
    }

    @Test
    void pytorchComputesTheSameMetricsFromTheExportedNetworks() throws Exception {
        CliTest.assumePython("torch, scipy", "python3-torch and python3-scipy are");
        JsonNode j = bench(tmp.resolve("both.json"));
        double fid = j.at("/jgan/fid").asDouble();
        // same weights, latents and pixels; only the frameworks' float32 summation orders differ
        assertEquals(fid, j.at("/pytorch/fid").asDouble(), 1e-3 * fid, j.toString());
        assertEquals(j.at("/jgan/precision").asDouble(), j.at("/pytorch/precision").asDouble(), 0.005);
        assertEquals(j.at("/jgan/recall").asDouble(), j.at("/pytorch/recall").asDouble(), 0.005);
        assertEquals(j.at("/jgan/inception_score").asDouble(), j.at("/pytorch/inception_score").asDouble(), 1e-3);
        assertTrue(j.get("ratio_total").asDouble() > 0, j.toString());
    }

    @Test
    void aPythonThatCannotRunIsNamedBeforeAnythingIsMeasured() {
        Path missing = tmp.resolve("no-python-here");
        CliTest.Result r = CliTest.runCapturing("bench-eval", "--run", run.toString(), "--samples", "1000",
                "--reference", real.toString(), "--python", missing.toString());
        CliTest.assertUserError(r, "--python " + missing + ": cannot run it", "--no-python");
        assertTrue(!r.out().contains("stage"), "measured first:\n" + r);
    }

    @Test
    void tooFewSamplesAreRefused() {
        CliTest.assertUserError(CliTest.runCapturing("bench-eval", "--run", run.toString(), "--samples", "10",
                "--no-python"), "--samples must be in 1000..1000000");
    }
}
