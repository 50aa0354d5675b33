package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Sampler;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Labels steer a conditional generator: on data where class 0 is dark and class 1 is bright (both noisy), the same
 * latent batch must come out dark for label 0 and bright for label 1 after a short training. An unconditional
 * generator cannot do this, so the test fails if the labels are ignored anywhere in G or D, for every way G takes
 * its class ({@code cgan.labelInput}).
 */
class CganTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static ImageDataset darkAndBright(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 16 * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            int base = labels[i] == 0 ? 30 : 225;
            for (int k = 0; k < 256; k++) {
                px[i * 256 + k] = (byte) Math.max(0, Math.min(255, base + rng.nextInt(-25, 26)));
            }
        }
        return new ImageDataset("dark-and-bright", 1, 16, 16, px, labels, List.of("dark", "bright"));
    }

    @ParameterizedTest
    // A one-hot input starts with DCGAN's small weights, so the label steers G later than the class-conditional
    // norms' spread start does (ConditionalBatchNorm#reset): it gets more steps. So does the residual generator,
    // whose shortcuts carry the unconditioned path past the norms (its class-conditional case missed at 120 steps).
    @CsvSource({"projection, batchnorm, 120, dcgan", "acgan, batchnorm, 120, dcgan", "projection, onehot, 400, dcgan",
            "projection, both, 120, dcgan", "projection, onehot, 400, resnet", "projection, batchnorm, 300, resnet"})
    void labelsSteerTheGenerator(String condition, String labelInput, int steps, String generator) throws Exception {
        TrainConfig cfg = ConfigJson.withOverrides(Presets.byName("cgan"), List.of("model.width=8",
                "model.latentDim=8", "model.condition=" + condition, "cgan.labelInput=" + labelInput,
                "cgan.generator=" + generator,
                "optim.emaBeta=0"), TrainConfig.class)
                .withData(new DataConfig("synthetic", 16, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 1000, 1000, 1000, 1, 4));
        try (Trainer t = new Trainer(Variants.byName("cgan"), cfg, darkAndBright(128, 3), tmp.resolve(condition + "-" + labelInput + "-" + generator))) {
            t.run(new TrainListener() { });
            try (StepScope s = StepScope.open()) {
                Tensor z = torch.randn(32, 8);
                double dark = Sampler.generate(t.samplingGenerator(), z, labels(0)).mean().item_double();
                double bright = Sampler.generate(t.samplingGenerator(), z, labels(1)).mean().item_double();
                // the data's means are -0.76 (dark) and +0.76 (bright)
                assertTrue(dark < -0.3, condition + "/" + labelInput + "/" + generator + ": label 0 gives mean " + dark + ", expected dark");
                assertTrue(bright > 0.3, condition + "/" + labelInput + "/" + generator + ": label 1 gives mean " + bright + ", expected bright");
            }
        }
    }

    private static Tensor labels(int k) {
        return torch.full(new long[]{32}, new Scalar(k)).to(torch.ScalarType.Long);
    }
}
