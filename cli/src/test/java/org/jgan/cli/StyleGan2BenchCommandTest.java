package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jgan.engine.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan bench-stylegan2} at a tiny size: the training step and generation (truncation, fixed noise) are timed
 * and written to its JSON, for jgan alone and against PyTorch's same networks (in bfloat16 too); bad options are user
 * errors.
 */
class StyleGan2BenchCommandTest {
    @TempDir
    static Path tmp;

    @Test
    void jganAloneTimesTheStepAndGeneration() throws Exception {
        Path json = tmp.resolve("alone.json");
        CliTest.Result r = CliTest.runCapturing("bench-stylegan2", "--no-python", "--size", "8", "--batch", "4",
                "--width", "16", "--steps", "1", "--warmup", "0", "--gen-batch", "8", "--gen-reps", "1", "--json",
                json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Generation (eval, truncation psi 0.7, fixed noise), batches of 8"), r.out());
        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("points").get(0);
        JsonNode g = p.get("generation");
        assertEquals(8, g.get("batch").asInt(), p.toString());
        assertEquals(0.7, g.get("psi").asDouble(), p.toString());
        assertTrue(g.get("jgan_wall_ms").asDouble() > 0, g.toString());
        assertTrue(g.get("pytorch_wall_ms").isNull(), g.toString());

        Path none = tmp.resolve("none.json");
        r = CliTest.runCapturing("bench-stylegan2", "--no-python", "--size", "8", "--batch", "4", "--width", "16",
                "--steps", "1", "--warmup", "0", "--gen-reps", "0", "--json", none.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("Generation"), r.out());
        assertFalse(new ObjectMapper().readTree(none.toFile()).get("points").get(0).has("generation"));
    }

    @Test
    void pytorchGeneratesWithTheSameNetworks() throws Exception {
        CliTest.assumePython("torch", "python3-torch is");
        Path json = tmp.resolve("both.json");
        CliTest.Result r = CliTest.runCapturing("bench-stylegan2", "--size", "8", "--batch", "4", "--width", "16",
                "--steps", "1", "--warmup", "0", "--gen-batch", "8", "--gen-reps", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().contains("note:"), "parameters differ:\n" + r);
        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("points").get(0);
        JsonNode g = p.get("generation");
        assertTrue(g.get("pytorch_wall_ms").asDouble() > 0 && g.get("pytorch_cpu_ms").asDouble() >= 0, g.toString());
        // PyTorch at its best: both memory layouts timed, the faster one's figures kept and named
        assertTrue(p.get("pytorch_memory_format").asText().matches(
                "training (contiguous|channels_last), generation (contiguous|channels_last)"), p.toString());
        assertTrue(r.out().contains("PyTorch timed in both memory layouts"), r.out());
    }

    /**
     * With --precision bfloat16 jgan's networks compute in bfloat16 and PyTorch gets its autocast too (the fastest of
     * four runs counts); a CPU without bfloat16 instructions refuses the setting by name.
     */
    @Test
    void bfloat16IsMeasuredAgainstPyTorchUnderAutocast() throws Exception {
        CliTest.assumePython("torch", "python3-torch is");
        Path json = tmp.resolve("mixed.json");
        CliTest.Result r = CliTest.runCapturing("bench-stylegan2", "--precision", "bfloat16", "--size", "8",
                "--batch", "4", "--width", "16", "--steps", "1", "--warmup", "0", "--gen-batch", "8", "--gen-reps",
                "1", "--json", json.toString());
        if (!Precision.BFLOAT16.availableHere()) {
            CliTest.assertUserError(r, "model.precision bfloat16");
            return;
        }
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("jgan in bfloat16") && r.out().contains("each also under autocast to bfloat16"),
                r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("bfloat16", j.get("precision").asText());
        assertTrue(j.get("conv_ceiling_gflops_bfloat16").asDouble() > 0, j.toString());
        String layout = "(contiguous|channels_last)(\\+autocast-bfloat16)?";
        assertTrue(j.get("points").get(0).get("pytorch_memory_format").asText().matches(
                "training " + layout + ", generation " + layout), j.toString());
    }

    @Test
    void badOptionsAreUserErrors() {
        CliTest.assertUserError(CliTest.runCapturing("bench-stylegan2", "--no-python", "--precision", "fp16"),
                "--precision must be float32 or bfloat16, got 'fp16'");
        CliTest.assertUserError(CliTest.runCapturing("bench", "--no-python", "--precision", "half"),
                "--precision must be float32 or bfloat16, got 'half'");
        CliTest.assertUserError(CliTest.runCapturing("doctor", "--no-numerics", "--precision", "int8"),
                "--precision must be float32 or bfloat16, got 'int8'");
        CliTest.assertUserError(CliTest.runCapturing("bench-stylegan2", "--no-python", "--gen-batch", "0"),
                "--gen-batch must be in 1..4096");
        CliTest.assertUserError(CliTest.runCapturing("bench-stylegan2", "--no-python", "--gen-reps", "-1"),
                "--gen-reps must be in 0..1000");
    }
}
