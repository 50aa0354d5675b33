package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.Clips;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A TorchScript video network (fixtures/video/make_video_fixtures.py: per channel the mean of the clip in [-1, 1] and
 * the mean absolute change between frames) gets the clips as the contract says.
 */
class VideoTorchScriptFeaturesTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void passesClipsInMinusOneToOneAndReadsNByDFeatures() throws Exception {
        // a 4x4 square of 255 on a 32x32 frame of 0, moving 4 pixels a frame: 16 of 1024 pixels are +1, the rest -1
        Clips c = TestClips.square(32, 4, new int[]{0, 4, 8}, new int[]{0, 0, 0}, new int[]{255, 255, 255}, 0);
        try (ClipFeatures fx = ClipFeatures.load(Fixtures.path("video/tiny-video-features.pt"))) {
            FeatureSet f = fx.extract(c);
            assertEquals(2, f.dim());
            assertEquals(2, fx.dim());
            assertEquals((16 - 1008) / 1024.0, f.features()[0], 1e-6, "mean level");
            // each step turns 16 pixels off and 16 on: |change| = 2 on 32 of 1024 pixels
            assertEquals(2 * 32 / 1024.0, f.features()[1], 1e-6, "mean change");
            assertTrue(fx.name().startsWith("video:"), fx.name());
        }
    }

    @Test
    void aModuleThatFailsOnClipsIsNamed() throws Exception {
        Clips c = TestClips.square(32, 4, new int[]{0, 4}, new int[]{0, 0});
        try (ClipFeatures fx = ClipFeatures.load(Fixtures.path("tiny-classifier-logits.pt"))) {
            DataException e = assertThrows(DataException.class, () -> fx.extract(c));
            assertTrue(e.getMessage().contains("tiny-classifier-logits.pt failed on clips of 1x2x32x32"),
                    e.getMessage());
        }
    }
}
