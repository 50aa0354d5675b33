package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.ClipBatches;
import org.jgan.core.data.clips.Clips;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 3D CNN: its hand-made first layer, the shipped weights, the file format and direction labels. */
class VideoFeatureNetTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    private static double maxAbs(Tensor t) {
        return t.abs().max().item_double();
    }

    @Test
    void stemIsAConv3dWithStrideOneTwoTwo() {
        torch.manual_seed(3);
        try (VideoFeatureNet net = new VideoFeatureNet(new VideoNetShape(3, 5, 17, 16, 2, 2));
             StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            net.to(torch.ScalarType.Double, false);
            Tensor x = torch.randn(2, 3, 5, 17, 16).to(torch.ScalarType.Double);
            // float64 never reaches oneDNN, so this is libtorch's reference convolution
            Tensor expected = torch.conv3d(x, net.stemWeight(), new TensorOptional(), new long[]{1, 2, 2},
                    new long[]{1, 1, 1}, new long[]{1, 1, 1}, 1);
            Tensor got = net.stem(x);
            assertEquals(java.util.Arrays.toString(Tensors.shape(expected)), java.util.Arrays.toString(
                    Tensors.shape(got)));
            assertTrue(maxAbs(got.sub(expected)) < 1e-12, "max difference " + maxAbs(got.sub(expected)));
        }
    }

    @Test
    void builtinNetworkComputesInFloat32WhatItComputesInFloat64() throws Exception {
        Clips real = TestClips.real("test", 8);
        try (VideoFeatureNet f32 = VideoFeatureFile.loadResource(ClipFeatures.BUILTIN_RESOURCE).net();
             VideoFeatureNet f64 = VideoFeatureFile.loadResource(ClipFeatures.BUILTIN_RESOURCE).net();
             StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            f64.to(torch.ScalarType.Double, false);
            Tensor x = ClipBatches.clips(real, new int[]{0, 1, 2, 3, 4, 5, 6, 7});
            Tensor a = f32.logits(x).to(torch.ScalarType.Double);
            Tensor b = f64.logits(x.to(torch.ScalarType.Double));
            double err = maxAbs(a.sub(b)) / maxAbs(b);
            assertTrue(err < 1e-4, "float32 logits differ from float64 ones by " + err + " (relative)");
        }
    }

    @Test
    void builtinNetworkRecordsItsHeldOutAccuracy() throws Exception {
        VideoFeatureFile.Loaded l = VideoFeatureFile.loadResource(ClipFeatures.BUILTIN_RESOURCE);
        try (VideoFeatureNet net = l.net()) {
            assertEquals("1x16x48x48", net.shape().clipShape());
            assertEquals(10, net.shape().classes());
            // recorded by VideoFeatureTraining.rebuild on the 10,000 test clips: 0.790 and 0.964
            assertTrue(l.classAccuracy() >= 0.78, "class accuracy " + l.classAccuracy());
            assertTrue(l.directionAccuracy() >= 0.95, "direction accuracy " + l.directionAccuracy());
            // and it does classify and see the direction: 300 held-out clips
            VideoFeatureTraining.Accuracy a = VideoFeatureTraining.accuracy(net, TestClips.real("test", 300));
            assertTrue(a.classes() >= 0.72, "class accuracy on 300 clips " + a.classes());
            assertTrue(a.directions() >= 0.93, "direction accuracy on 300 clips " + a.directions());
        }
    }

    @Test
    void fileRoundTripGivesTheSameFeatures() throws Exception {
        torch.manual_seed(5);
        Path file = tmp.resolve("v.pt");
        Clips clips = TestClips.real("test", 3);
        float[] before;
        try (VideoFeatureNet net = new VideoFeatureNet(new VideoNetShape(1, 16, 48, 48, 10, 8))) {
            net.eval();
            try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                before = Tensors.toFloats(net.logits(ClipBatches.clips(clips, new int[]{0, 1, 2})));
            }
            VideoFeatureFile.save(net, 0.5, 0.25, file);
        }
        assertTrue(VideoFeatureFile.isVideoFeatureFile(file));
        try (ClipFeatures fx = ClipFeatures.load(file)) {
            FeatureSet f = fx.extract(clips);
            assertEquals(18, f.dim(), "10 class and 8 direction logits");
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], f.features()[i], 1e-6f);
            }
        }
        VideoFeatureFile.Loaded l = VideoFeatureFile.load(file);
        l.net().close();
        assertEquals(0.25, l.directionAccuracy(), 1e-7);
    }

    @Test
    void refusesMissingFilesAndClipsOfAnotherShape() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ClipFeatures.load(tmp.resolve("none.pt")));
        assertTrue(e.getMessage().contains("none.pt"), e.getMessage());
        assertFalse(VideoFeatureFile.isVideoFeatureFile(Fixtures.path("video/tiny-video-features.pt")));
        try (ClipFeatures fx = ClipFeatures.builtin()) {
            Clips small = TestClips.square(32, 4, new int[]{1, 2}, new int[]{1, 2});
            DataException d = assertThrows(DataException.class, () -> fx.extract(small));
            assertTrue(d.getMessage().startsWith("square: clips are 1x2x32x32"), d.getMessage());
        }
    }

    @Test
    void directionBinsAreEighthsOfATurnFromPlusX() {
        assertEquals(0, VideoFeatureTraining.directionBin(new float[]{10, 10, 12, 10}, 1, 8));
        assertEquals(2, VideoFeatureTraining.directionBin(new float[]{10, 10, 10, 12}, 1, 8), "down the image");
        assertEquals(4, VideoFeatureTraining.directionBin(new float[]{10, 10, 8, 10.5f}, 1, 8));
        assertEquals(7, VideoFeatureTraining.directionBin(new float[]{10, 10, 11, 9}, 1, 8));
        assertEquals(0, VideoFeatureTraining.directionBin(new float[]{10, 10, 13, 8.9f}, 1, 8), "-20 degrees");
        assertEquals(VideoFeatureTraining.NO_DIRECTION,
                VideoFeatureTraining.directionBin(new float[]{10, 10, 10.3f, 10.3f}, 1, 8));
        // two objects: frame-major, the first object's displacement counts
        assertEquals(6, VideoFeatureTraining.directionBin(new float[]{5, 5, 0, 0, 5, 3, 9, 9}, 2, 8));
    }
}
