package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.loss.Losses;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.Players;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.StepContext;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GAN-CLS's discriminator loss on a discriminator whose logit is known by hand: first word id + 10 x image mean. */
class MatchingAwareLossTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** G draws all-zero images whatever it is given. */
    static final class ZeroG extends GanNet {
        private final LinearImpl l = register_module("l", Layers.linear(1, 1, false));

        @Override
        public Tensor forward(Tensor z, Tensor tokens) {
            return torch.zeros(z.size(0), 1, 2, 2).add(l.weight().sum().mul(new org.bytedeco.pytorch.Scalar(0)));
        }
    }

    /** logit = first word id + 10 * mean pixel. */
    static final class KnownD extends GanNet {
        private final LinearImpl l = register_module("l", Layers.linear(1, 1, false));

        @Override
        public Tensor forward(Tensor x, Tensor tokens) {
            return tokens.select(1, 0).to(torch.ScalarType.Float)
                    .add(x.mean(new long[]{1, 2, 3}).mul(new org.bytedeco.pytorch.Scalar(10)));
        }
    }

    static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    @Test
    void realWithWrongCaptionsCountsAsFakeAndIdenticalCaptionsAreLeftOut() {
        long[] first = {2, 3, 2, 5};
        TrainConfig config = Text2ImageTrainingTest.config(java.nio.file.Path.of("unused"), 1, 0);
        long step = 4;
        try (Players players = Players.of(new ZeroG(), new KnownD()); StepScope s = StepScope.open()) {
            Tensor real = torch.ones(4, 1, 2, 2);
            Tensor tokens = Tensors.fromLongs(new long[]{2, 7, 3, 7, 2, 7, 5, 7}, 4, 2);
            StepContext ctx = new StepContext(players, Losses.byName("non-saturating"), config, real, tokens, 1,
                    step);
            double withWrong = Text2Image.discriminatorLoss(ctx, true, 0, false, false).item_double();
            double plain = Text2Image.discriminatorLoss(ctx, false, 0, false, false).item_double();

            long[] perm = GanCls.derangement(4, Seeds.derive(config.seed(), "wrong-captions", step));
            double realTerm = 0;
            double fakeSum = 0;
            int fakes = 0;
            for (int i = 0; i < 4; i++) {
                realTerm += softplus(-(first[i] + 10)) / 4;
                fakeSum += softplus(first[i]);  // fakes are all-zero images
                fakes++;
            }
            double plainExpected = realTerm + fakeSum / fakes;
            for (int i = 0; i < 4; i++) {
                if (first[(int) perm[i]] != first[i]) {  // the second word is 7 everywhere
                    fakeSum += softplus(first[(int) perm[i]] + 10);
                    fakes++;
                }
            }
            assertEquals(plainExpected, plain, 1e-5);
            assertEquals(realTerm + fakeSum / fakes, withWrong, 1e-5);

            // R1 on the real matching pairs: D's logit grows by 10 / 4 per pixel of a 2x2 image, so
            // |grad|^2 = 4 * (10/4)^2 = 25 for every image, and the term is gamma / 2 * 25.
            TrainConfig r1 = config.withReg(new org.jgan.core.config.RegConfig(0, 2.0, 1, false, 1.0, ""));
            StepContext ctx2 = new StepContext(players, Losses.byName("non-saturating"), r1, real, tokens, 1, step);
            double withR1 = Text2Image.discriminatorLoss(ctx2, false, 0, false, false).item_double();
            assertEquals(plainExpected + 2.0 / 2 * 25, withR1, 1e-4);
            assertEquals(25.0, ctx2.stats().get("Reg/r1"), 1e-4);
        }
    }
}
