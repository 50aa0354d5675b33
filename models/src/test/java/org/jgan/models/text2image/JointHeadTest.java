package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text2image.jointHead}: GAN-CLS's joint image-text head added to the projection discriminator. */
class JointHeadTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void aCaptionCanMoveABandOfAFeatureThatItsVerdictFavours() {
        // One feature f at one position, three hidden units f - 1 - 2e, f - 2 - 2e, f - 3 - 2e and output weights
        // 1, -2, 1: the leaky ReLU's linear parts cancel and the logit is 0.8 times a tent that peaks at f = 2 + 2e.
        // A projection's verdict P(e) f is linear in f and cannot peak inside a band.
        try (StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            JointHead head = new JointHead(3, 1, 1, 1);
            var p = head.named_parameters();
            p.get("map.weight").copy_(Tensors.fromFloats(new float[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3, 1, 1));
            p.get("map.bias").copy_(Tensors.fromFloats(new float[]{-1, -2, -3}, 3));
            p.get("text.weight").copy_(Tensors.fromFloats(new float[]{-2, -2, -2}, 3, 1));
            p.get("out.weight").copy_(Tensors.fromFloats(new float[]{1, -2, 1}, 1, 3));
            p.get("out.bias").zero_();
            float[] fs = {0, 1, 1.5f, 2, 2.5f, 3, 4, 4.5f, 5, 6};
            for (float e : new float[]{0, 1}) {
                float[] phi = new float[fs.length * 3];
                for (int i = 0; i < fs.length; i++) {
                    Arrays.fill(phi, 3 * i, 3 * i + 3, fs[i]);
                }
                float[] emb = new float[fs.length];
                Arrays.fill(emb, e);
                float[] logit = Tensors.toFloats(head.forward(Tensors.fromFloats(phi, fs.length, 3),
                        Tensors.fromFloats(emb, fs.length, 1)));
                for (int i = 0; i < fs.length; i++) {
                    double tent = Math.max(0, 1 - Math.abs(fs[i] - (2 + 2 * e)));
                    assertEquals(0.8 * tent, logit[i], 1e-5, "f = " + fs[i] + ", e = " + e);
                }
            }
        }
    }

    @Test
    void itLearnsWhenOnAndIsAbsentByDefault() throws Exception {
        Path folder = CaptionedFolder.write(tmp.resolve("captioned"), 32);
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        TrainConfig c = Text2ImageConfig.of(plain).withJointHead(true).in(plain);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("joint"))) {
            var d = t.players().discriminator();
            float[] start = TrainerTest.weights(d, n -> n.startsWith("joint."));
            assertEquals(16 * 16 + 16 + 16 * 16 + 16 * 7 * 7 + 1, start.length,
                    "a 1x1 convolution over D's 16 channels, the caption's 16 to them, a linear layer from 16x7x7");
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(d, n -> n.startsWith("joint."));
            assertFalse(Arrays.equals(start, learnt), "the joint head did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
        }
        assertFalse(Text2ImageConfig.of(plain).jointHead(), "off by default");
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("plain"))) {
            assertEquals(0, TrainerTest.weights(t.players().discriminator(), n -> n.startsWith("joint.")).length,
                    "no joint head without the key");
        }
    }
}
