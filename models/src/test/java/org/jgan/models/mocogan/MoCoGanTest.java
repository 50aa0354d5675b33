package org.jgan.models.mocogan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.clips.MotionSpec;
import org.jgan.core.data.clips.MovingFashionMnist;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.NativeMemory;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MoCoGAN through the training loop on small moving clips: shapes, losses, views, resume, sampling, memory. */
class MoCoGanTest {
    static final MoCoGanConfig SMALL = new MoCoGanConfig(4, 32, 1, 1, 2, 12, 6, 2, "warp", false, null);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** 4 frames of 32x32, width 8, batches of 4 clips. */
    static TrainConfig config(String model, long steps) {
        TrainConfig c = new TrainConfig(3, new ModelConfig(model, 20, "non-saturating", 8),
                new DataConfig("moving-fashion-mnist", 4, true, 0), new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0.9, 1),
                RegConfig.none(), new ScheduleConfig(0, steps, 1, 3, 3, 2, 6), GuardConfig.defaults());
        return SMALL.in(c);
    }

    /** Clips of 40 generated labelled 28x28 images moving as {@link #SMALL} says. */
    static ClipData data() {
        return new ClipData(new MovingFashionMnist(SyntheticData.shapes(40, 28, 4), SMALL.motion(), 9, "moving"), 0);
    }

    static Trainer trainer(String model, long steps, Path run) {
        GanVariant v = Variants.byName(model);
        return new Trainer(v, config(model, steps), data(), run);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"warp", "bounce", "bounce-resize", "bounce-pixel",
        "bounce-plain", "frames", "warp-sn", "bounce-deep"})
    void generatorMakesClipsAndTheDiscriminatorsJudgeThem(String generator) {
        GanVariant v = Variants.byName("mocogan-cond");
        DataShape shape = data().shape();
        TrainConfig c = new MoCoGanConfig(4, 32, 1, 1, 2, 12, 6, 2, generator.replaceAll("-.*", ""),
                generator.startsWith("bounce"), generator.endsWith("-resize") ? "resize" : "transposed",
                generator.endsWith("-pixel") ? "pixel" : "subpixel", !generator.endsWith("-plain"),
                generator.endsWith("-deep") ? "sngan" : "dcgan").in(config("mocogan-cond", 1));
        if (generator.endsWith("-sn")) {  // spectrally normalised critics without batch norm (SNGAN's)
            c = c.withReg(new RegConfig(0, 0, 1, true, 1.0, "")).withModel(new ModelConfig("mocogan-cond", 20,
                    "hinge", 8, "none", "projection"));
        }
        try (var players = v.build(c, shape, 1); StepScope s = StepScope.open()) {
            var params = players.net(MoCoGan.DI).named_parameters(true);
            boolean deep = false;
            for (long i = 0; i < params.size(); i++) {
                deep |= params.get(i).key().getString().startsWith("conv3b");
            }
            assertEquals(generator.endsWith("-deep"), deep, "D_I has a 3x3 convolution after each strided one");
            Tensor z = org.bytedeco.pytorch.global.torch.randn(3, 20);
            Tensor labels = Tensors.fromLongs(new long[]{0, 1, 2}, 3);
            Tensor clips = players.generator().forward(z, labels);
            assertArrayEquals(new long[]{3, 1, 4, 32, 32}, Tensors.shape(clips));
            assertArrayEquals(new long[]{3}, Tensors.shape(players.discriminator().forward(clips, labels)));
            Tensor frames = clips.select(2, 0);
            assertArrayEquals(new long[]{3}, Tensors.shape(players.net(MoCoGan.DI).forward(frames, labels)));
            // one content code per clip: the frames of a clip differ only through the motion code, which the warp
            // generator starts at the identity (a still clip), the frames generator not
            float[] f = Tensors.toFloats(clips.contiguous());
            boolean still = java.util.Arrays.equals(java.util.Arrays.copyOfRange(f, 0, 1024),
                    java.util.Arrays.copyOfRange(f, 1024, 2048));
            assertEquals(!generator.equals("frames"), still, "frames 0 and 1 of a clip are alike at the start");
        }
    }

    @Test
    void warpsStartAtTheIdentityAndStayBounded() {
        try (StepScope s = StepScope.open()) {
            float[] id = Tensors.toFloats(WarpVideoGenerator.similarity(Tensors.fromFloats(new float[2], 1, 2),
                    Tensors.fromFloats(new float[2], 1, 2)).contiguous());
            assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0}, id, 0f);
            float[] far = Tensors.toFloats(WarpVideoGenerator.similarity(Tensors.fromFloats(new float[]{1, -1}, 1, 2),
                    Tensors.fromFloats(new float[]{50, 50}, 1, 2)).contiguous());
            assertEquals(1.0, far[2], 1e-6, "a shift of at most half the frame to the right");
            assertEquals(-1.0, far[5], 1e-6);
            double scale = Math.hypot(far[0], far[3]);
            assertEquals(Math.exp(0.2), scale, 1e-5, "scale within e^0.2");
            assertEquals(0.3, Math.atan2(far[3], far[0]), 1e-5, "a turn within 0.3 rad");
        }
    }

    @Test
    void thePresetsFrameDiscriminatorIsDeeperOldConfigsAndTheConditionalPresetKeepDcgans() {
        assertEquals("sngan", MoCoGanConfig.of(MoCoGanPresets.mocogan()).frameD());
        assertEquals("dcgan", MoCoGanConfig.of(MoCoGanPresets.mocoganCond()).frameD(), "as it was measured");
        assertEquals("dcgan", SMALL.frameD(), "a config without the key trains as it did when written");
        ConfigException e = assertThrows(ConfigException.class, () -> SMALL.withFrameD("resnet"));
        assertEquals("mocogan.frameD must be dcgan or sngan, got resnet", e.getMessage());
    }

    @Test
    void resizingDoublesEveryPixelAndOldConfigsKeepTransposedConvolutions() {
        try (StepScope s = StepScope.open()) {
            float[] d = Tensors.toFloats(org.jgan.core.nn.Layers.doubled(Tensors.fromFloats(new float[]{1, 2, 3, 4}, 1, 1,
                    2, 2)).contiguous());
            assertArrayEquals(new float[]{1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, d, 0f);
        }
        assertEquals("transposed", SMALL.upsample(), "a config without the key trains as it did when written");
        assertEquals("transposed", MoCoGanConfig.defaults().upsample());
        ConfigException e = assertThrows(ConfigException.class, () -> new MoCoGanConfig(4, 32, 1, 1, 2, 12, 6, 2,
                "warp", false, "bilinear"));
        assertTrue(e.getMessage().contains("mocogan.upsample must be resize or transposed, got bilinear"),
                e.getMessage());
        assertEquals("subpixel", SMALL.placement(), "a config without the key samples as it did when written");
        assertEquals("pixel", MoCoGanConfig.defaults().placement());
        assertTrue(SMALL.shade(), "a config without the key shades frames as it did when written");
        assertFalse(MoCoGanConfig.defaults().shade());
        e = assertThrows(ConfigException.class, () -> new MoCoGanConfig(4, 32, 1, 1, 2, 12, 6, 2, "frames", false,
                null, "pixel", null));
        assertTrue(e.getMessage().contains("the frames generator draws every frame"), e.getMessage());
    }

    @Test
    void bouncingShiftsReflectAtTheWalls() {
        try (StepScope s = StepScope.open()) {
            // a ball from 0 at speed 0.25 between walls at +-0.5: out to the wall, back through 0, to the other wall
            float[] x = {0, 0.25f, 0.5f, 0.75f, 1.0f, 1.5f, 2.0f, -0.75f, -2.25f};
            float[] want = {0, 0.25f, 0.5f, 0.25f, 0, -0.5f, 0, -0.25f, -0.25f};
            float[] got = Tensors.toFloats(WarpVideoGenerator.fold(Tensors.fromFloats(x, x.length), 0.5));
            assertArrayEquals(want, got, 1e-6f);
        }
    }

    @Test
    void clipDiscriminatorSeesFramesAndTheirDifferences() {
        try (StepScope s = StepScope.open()) {
            float[] v = new float[2 * 3 * 2 * 2];  // 1 clip, 2 channels, 3 frames of 2x2
            for (int i = 0; i < v.length; i++) {
                v[i] = i * i;
            }
            Tensor stacked = ClipDiscriminator.stack(Tensors.fromFloats(v, 1, 2, 3, 2, 2));
            assertArrayEquals(new long[]{1, 2 * 3 + 2 * 2, 2, 2}, Tensors.shape(stacked));
            float[] out = Tensors.toFloats(stacked.contiguous());
            assertEquals(v[5], out[5], "frames first, as they are");
            // channel 6 is channel 0's frame 1 minus frame 0, pixel 0: 4^2 - 0^2
            assertEquals(16f, out[6 * 4]);
        }
    }

    @Test
    void trainsWithFiniteLossesFlatMemoryAndResumesExactly() throws Exception {
        Path a = tmp.resolve("a");
        long[] live = new long[9];
        float[] straight;
        try (Trainer t = trainer("mocogan-cond", 8, a)) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState s, Map<String, Double> stats) {
                    live[(int) s.step()] = NativeMemory.liveObjects();
                }
            });
            straight = TrainerTest.weights(t.players().generator());
        }
        // At most: the collector may free garbage that earlier tests in this JVM left, so the count can fall.
        assertTrue(live[8] <= live[4], "live native objects grew from " + live[4] + " at step 4 to " + live[8]);
        List<String> stats = Files.readAllLines(a.resolve("stats.jsonl"));
        assertTrue(stats.get(0).contains("Loss/D/video") && stats.get(0).contains("Loss/G/image"), stats.get(0));
        assertFalse(String.join("", stats).contains("NaN"));
        try (Trainer t = trainer("mocogan-cond", 5, tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = trainer("mocogan-cond", 8, tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().generator()));
        }
        // the view: a GIF of the fixed clips that the JDK reads back with one image per frame, and a strip PNG
        Path gif = a.resolve("samples/step-000006.gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(4, r.getNumImages(true));
        }
        var strip = ImageIO.read(a.resolve("samples/step-000006.png").toFile());
        assertEquals(2 + 4 * 34, strip.getWidth(), "one clip per row, its 4 frames across");
        try (RunGenerator g = RunGenerator.load(a, null, true)) {
            float[] raw = g.generateRaw(3, 7, (from, m) -> Tensors.fromLongs(new long[m], m));
            assertEquals(3 * 4 * 32 * 32, raw.length);
            assertArrayEquals(raw, g.generateRaw(3, 7, (from, m) -> Tensors.fromLongs(new long[m], m)));
        }
    }

    @Test
    void refusesWhatItCannotTrainOn() {
        GanVariant v = Variants.byName("mocogan");
        var e = assertThrows(ConfigException.class, () -> v.buildGenerator(config("mocogan", 1),
                new DataShape(1, 28, 28, 0)));
        assertTrue(e.getMessage().contains("multiple of 8 from 32 to 128"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Variants.byName("mocogan-cond").buildGenerator(
                config("mocogan-cond", 1), new DataShape(1, 32, 32, 0)));
        assertTrue(e.getMessage().contains("needs clips with classes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> v.checkData(new DataShape(1, 32, 48, 0), "my clips"));
        assertTrue(e.getMessage().contains("square frames, but my clips has frames of 32x48"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> MoCoGanConfig.of(config("mocogan", 1)
                .withModel(new ModelConfig("mocogan", 12, "non-saturating", 8))));
        assertTrue(e.getMessage().contains("mocogan.contentDim (12) must be below model.latentDim (12)"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> new MoCoGanConfig(4, 32, 1, 1, 2, 12, 6, 5, "warp", false, null));
        assertTrue(e.getMessage().contains("mocogan.imageFrames must be in 1..4"), e.getMessage());
        assertThrows(ConfigException.class, () -> new MotionSpec(4, 30, 1, 1, 2));
    }
}
