package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Checkpoints;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, padding, empty captions, gradients, seeding and checkpoints of {@link TextEncoder}. */
class TextEncoderTest {
    static final TextEncoderConfig CONFIG = new TextEncoderConfig(12, 8, 6, 5);

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** Captions as rows of word ids, padded with 0 to {@code length}. */
    static Tensor tokens(int length, long[]... rows) {
        long[] ids = new long[rows.length * length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, ids, r * length, rows[r].length);
        }
        return Tensors.fromLongs(ids, rows.length, length);
    }

    static double maxDiff(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item_double();
    }

    static final long[] A = {5, 3, 7};
    static final long[] B = {2};
    static final long[] C = {4, 4, 6, 8, 9, 11};

    @Test
    void givesOneFloatEmbeddingPerCaption() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            Tensor e = enc.encode(tokens(8, A, B, C));
            assertArrayEquals(new long[]{3, 5}, Tensors.shape(e));
            assertEquals(torch.ScalarType.Float, e.scalar_type().intern());
            assertArrayEquals(new long[]{3, 5}, Tensors.shape(enc.forward(tokens(8, A, B, C), null)));
        }
    }

    @Test
    void paddingAndTheOtherRowsDoNotChangeACaptionsEmbedding() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            Tensor at8 = enc.encode(tokens(8, A, B, C));
            Tensor at16 = enc.encode(tokens(16, A, B, C));
            assertTrue(maxDiff(at8, at16) < 1e-5, "padded to 8 or 16: " + maxDiff(at8, at16));
            // Rows of different lengths alone and in a batch: catches rows put back in the wrong order after packing.
            Tensor alone = torch.cat(new org.bytedeco.pytorch.TensorVector(enc.encode(tokens(3, A)),
                    enc.encode(tokens(1, B)), enc.encode(tokens(6, C))), 0);
            assertTrue(maxDiff(at8, alone) < 1e-5, "batched vs one by one: " + maxDiff(at8, alone));
        }
    }

    @Test
    void anEmptyCaptionIsFiniteAndTheBias() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            Tensor e = enc.encode(tokens(4, new long[0], A, new long[0]));
            assertTrue(torch.isfinite(e).all().item_bool(), "embeddings of empty captions are finite");
            Tensor bias = enc.named_parameters(true).get("project.bias");
            assertTrue(maxDiff(e.select(0, 0), bias) < 1e-6);
            assertTrue(maxDiff(e.select(0, 1), bias) > 1e-3, "a real caption is not the bias");
            assertTrue(maxDiff(e.select(0, 0), enc.encode(tokens(4, new long[0])).select(0, 0)) < 1e-6);
        }
    }

    @Test
    void gradientsReachTheWordTableAndBothGruDirections() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            enc.encode(tokens(8, A, C)).pow(new org.bytedeco.pytorch.Scalar(2)).sum().backward();
            Tensor table = enc.named_parameters(true).get("words.weight").grad();
            double[] rowNorm = Tensors.toDoubles(table.abs().sum(new long[]{1}, false,
                    new org.bytedeco.pytorch.ScalarTypeOptional()));
            assertTrue(rowNorm[5] > 0 && rowNorm[3] > 0 && rowNorm[11] > 0, "used words get gradients");
            assertEquals(0.0, rowNorm[0], "padding gets none");
            assertEquals(0.0, rowNorm[2], "an unused word gets none");
            for (String p : new String[]{"gru.weight_ih_l0", "gru.weight_hh_l0", "gru.weight_ih_l0_reverse",
                    "gru.weight_hh_l0_reverse", "project.weight"}) {
                Tensor g = enc.named_parameters(true).get(p).grad();
                assertTrue(g.defined() && g.abs().sum().item_double() > 0, p + " gets gradients");
            }
        }
    }

    @Test
    void theSeedAloneDecidesTheWeights() {
        try (TextEncoder a = new TextEncoder(CONFIG, 7); TextEncoder b = new TextEncoder(CONFIG, 7);
             TextEncoder c = new TextEncoder(CONFIG, 8); StepScope s = StepScope.open()) {
            torch.manual_seed(1);
            Tensor ea = a.encode(tokens(8, A, B, C));
            torch.manual_seed(2);
            assertEquals(0.0, maxDiff(ea, b.encode(tokens(8, A, B, C))), "same seed, same encoder");
            assertTrue(maxDiff(ea, c.encode(tokens(8, A, B, C))) > 1e-3, "another seed, another encoder");
        }
    }

    @Test
    void differentCaptionsGiveDifferentEmbeddings() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            Tensor e = enc.encode(tokens(4, new long[]{5, 3}, new long[]{3, 5}, new long[]{5, 4}, new long[]{5, 3, 1}));
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    assertTrue(maxDiff(e.select(0, i), e.select(0, j)) > 1e-3, "rows " + i + " and " + j);
                }
            }
        }
    }

    @Test
    void refusesIdsItCannotRead() {
        try (TextEncoder enc = new TextEncoder(CONFIG, 1); StepScope s = StepScope.open()) {
            assertThrows(IllegalArgumentException.class, () -> enc.encode(tokens(3, new long[]{5, 12})),
                    "id past the vocabulary");
            assertThrows(IllegalArgumentException.class, () -> enc.encode(tokens(3, new long[]{-1})), "negative id");
            assertThrows(IllegalArgumentException.class, () -> enc.encode(tokens(3, new long[]{5, 0, 3})),
                    "word after padding");
            assertThrows(IllegalArgumentException.class, () -> enc.encode(tokens(3, A).to(torch.ScalarType.Float)));
            assertThrows(IllegalArgumentException.class, () -> enc.encode(Tensors.fromLongs(A, 3)), "1-D ids");
            assertThrows(IllegalArgumentException.class, () -> enc.forward(tokens(3, A), tokens(3, A)), "labels");
        }
        assertThrows(IllegalArgumentException.class, () -> new TextEncoderConfig(1, 8, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new TextEncoderConfig(10, 8, 0, 8));
    }

    @Test
    void aCheckpointRestoresTheEncoder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("T.pt");
        try (TextEncoder a = new TextEncoder(CONFIG, 1); TextEncoder b = new TextEncoder(CONFIG, 2);
             StepScope s = StepScope.open()) {
            Checkpoints.saveModule(a, file);
            assertTrue(maxDiff(a.encode(tokens(8, A, C)), b.encode(tokens(8, A, C))) > 1e-3);
            Checkpoints.loadModule(b, file);
            assertEquals(0.0, maxDiff(a.encode(tokens(8, A, C)), b.encode(tokens(8, A, C))));
        }
    }
}
