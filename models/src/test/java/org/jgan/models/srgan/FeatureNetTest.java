package org.jgan.models.srgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.jgan.models.i2i.ImageToImageConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves SRGAN's feature loss on a user's TorchScript network (fixtures/tiny-feature-net.pt, made by
 * make_feature_net.py): features of a (features, logits) tuple, gradients to the images but none to the frozen
 * weights, training with the feature term reported, and one-line errors for a missing or non-TorchScript file.
 */
class FeatureNetTest {
    private static final DataShape SHAPE = new DataShape(1, 16, 16, 0);
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static Path fixture() throws Exception {
        return Path.of(FeatureNetTest.class.getResource("/fixtures/tiny-feature-net.pt").toURI());
    }

    static TrainConfig config(String featureNet) {
        TrainConfig c = Presets.byName("srgan");
        c = c.withModel(new ModelConfig("srgan", 16, c.model().loss(), 4)).withData(new DataConfig("x", 4, true, 0))
                .withSchedule(new ScheduleConfig(0, 2, 1, 2, 2, 3, 4));
        ImageToImageConfig d = ImageToImageConfig.of(c);
        return new ImageToImageConfig(d.direction(), d.lambdaL1(), d.lambdaCycle(), d.lambdaIdentity(),
                d.poolSize(), d.lrDecayFrom(), 1, 2, featureNet, 0.5, 1.0, 1e-3, 0, 0, false).in(c);
    }

    @Test
    void featuresAreDifferentiableInTheImagesOnly() throws Exception {
        try (FeatureNet f = FeatureNet.load(fixture()); StepScope s = StepScope.open()) {
            Tensor x = torch.randn(2, 1, 8, 6);
            x.set_requires_grad(true);
            Tensor y = f.forward(x, null);
            assertArrayEquals(new long[]{2, 4, 4, 3}, Tensors.shape(y));
            y.square().sum().backward();
            assertTrue(x.grad().defined() && x.grad().abs().sum().item_double() > 0, "no gradient to the images");
            assertEquals(0, f.parameters().size(), "the TorchScript weights are not jgan parameters");
        }
    }

    @Test
    void srganTrainsWithTheFeatureLoss() throws Exception {
        Path run = tmp.resolve("sr");
        try (Trainer t = new Trainer(Variants.byName("srgan"), config(fixture().toString()),
                SyntheticData.shapes(16, 16, 1), run)) {
            t.run(new TrainListener() { });
        }
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        var last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(last.has("Loss/G/feature") && Double.isFinite(last.get("Loss/G/feature").asDouble()),
                last.toString());
        assertTrue(last.get("Loss/G/feature").asDouble() > 0);
        assertTrue(Files.exists(run.resolve("checkpoints/step-000002/F.pt")));
    }

    @Test
    void missingOrBrokenFeatureNetsAreClearErrors() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> FeatureNet.load(tmp.resolve("nope.pt")));
        assertEquals("i2i.featureNet: " + tmp.resolve("nope.pt") + ": no such file (give the path of a TorchScript "
                + "module, or none)", e.getMessage());
        Path text = Files.writeString(tmp.resolve("text.pt"), "hello");
        e = assertThrows(ConfigException.class, () -> FeatureNet.load(text));
        assertTrue(e.getMessage().startsWith("i2i.featureNet: " + text + ": not a TorchScript module"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName("srgan"),
                config(tmp.resolve("gone.pt").toString()), SyntheticData.shapes(16, 16, 1), tmp.resolve("r")));
        assertTrue(e.getMessage().contains("gone.pt: no such file"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> FeatureNets.open("classifier", SHAPE));
        assertTrue(e.getMessage().startsWith("i2i.featureNet=classifier: jgan's built-in classifier is not "
                + "registered"), e.getMessage());
        assertEquals(null, FeatureNets.open("none", SHAPE));
    }

    @Test
    void registeredFeatureNetsAreUsedByName() throws Exception {
        FeatureNets.register("tiny-test", s -> FeatureNet.load(fixtureUnchecked()));
        try (var f = FeatureNets.open("tiny-test", SHAPE)) {
            assertTrue(f instanceof FeatureNet);
        }
    }

    static Path fixtureUnchecked() {
        try {
            return fixture();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
