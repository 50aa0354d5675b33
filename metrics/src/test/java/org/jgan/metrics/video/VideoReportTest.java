package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.Clips;
import org.jgan.engine.Torch;
import org.jgan.metrics.features.ClassifierFeatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole report with the shipped networks, on real clips (which must pass) and frozen ones (which must not). */
class VideoReportTest {
    /** Several times the 18 dimensions of the built-in features, few enough to stay fast. */
    static final int N = 120;
    private static ClipFeatures features;
    private static ClassifierFeatures classifier;
    private static Clips train;
    private static Clips test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() throws Exception {
        Torch.init(1);
        features = ClipFeatures.builtin();
        classifier = ClassifierFeatures.builtin();
        train = TestClips.real("train", N);
        test = TestClips.real("test", N);
    }

    @AfterAll
    static void close() {
        features.close();
        classifier.close();
    }

    @Test
    void heldOutRealClipsPassEveryGoalAndRankBelowTheBaselines() throws Exception {
        VideoReport r = VideoReport.real(train, test, features, classifier, 1);
        // both baselines above the real floor (which 120 clips lift: 19.6 here, 1.9 with 1,024), and a clip without
        // motion furthest, an order of magnitude above it (issue 19's chain)
        assertTrue(r.fdHeldOut() < r.fdShuffled() && r.fdShuffled() < r.fdRepeated()
                        && 10 * r.fdHeldOut() < r.fdRepeated(),
                "held-out " + r.fdHeldOut() + ", shuffled " + r.fdShuffled() + ", repeated " + r.fdRepeated());
        assertEquals(r.fdHeldOut(), r.fd(), 0.0);
        assertTrue(r.contentConsistency() >= 0.9, "content " + r.contentConsistency());
        assertTrue(r.realSpeedKs() <= 0.1, "speed KS of real against real " + r.realSpeedKs());
        assertEquals(r.realSpeedKs(), r.speedKs(), 0.0);
        assertEquals(0.0, r.staticShare(), 0.0);
        r.goals().forEach(g -> assertTrue(g.passed(), g.toString()));
        Path json = tmp.resolve("video.json");
        r.writeJson(json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"fdShuffled\"") && text.contains("\"goals\""), text);
    }

    @Test
    void frozenClipsFailMotionAndOrdering() {
        Clips frozen = ClipVariants.repeatedFirstFrame(test);
        VideoReport r = VideoReport.compute(train, null, frozen, features, classifier, 1);
        assertEquals(1.0, r.staticShare(), 0.0);
        assertEquals(0.0, r.meanSpeed(), 0.0);
        assertTrue(r.speedKs() >= 0.9, "speed KS " + r.speedKs());
        assertTrue(Double.isNaN(r.directionKs()), "a still clip has no turns");
        assertTrue(Double.isNaN(r.fdHeldOut()));
        assertTrue(r.contentConsistency() >= 0.9, "the garment itself is right");
        // shuffling or repeating a frozen clip changes nothing, so the ordering cannot hold
        assertEquals(r.fd(), r.fdRepeated(), 1e-6 * r.fd());
        assertFalse(r.goals().get(1).passed());
        assertFalse(r.goals().get(2).passed());
        assertFalse(r.goals().get(3).passed());
        assertTrue(r.goals().get(0).passed());
    }

    /** A report with these Fréchet distances and every other figure at a passing value. */
    private static VideoReport distances(double heldOut, double model, double shuffled, double repeated) {
        double[] hist = new double[1];
        return new VideoReport("g", "r", "h", "f", 100, 0, false, 1, 1, 1, 1, 2, 2, 0.1, 0.1, 0.05, 0.05, 0, 0, hist,
                hist, heldOut, model, shuffled, repeated, Double.NaN, Double.NaN);
    }

    @Test
    void orderingWantsTheWholeChainUpToHeldFrames() {
        assertTrue(distances(2, 20, 30, 300).goals().get(3).passed());
        assertFalse(distances(2, 20, 600, 300).goals().get(3).passed(), "shuffled further than held frames");
        assertFalse(distances(2, 40, 30, 300).goals().get(3).passed(), "the model further than its shuffled clips");
        assertFalse(distances(25, 20, 30, 300).goals().get(3).passed(), "the model closer than real clips");
        assertFalse(distances(2, Double.NaN, 30, 300).goals().get(3).passed());
    }

    @Test
    void refusesClipsOfAnotherShapeOrTooFewForTheCovariance() {
        Clips other = TestClips.square(32, 4, new int[]{1, 2}, new int[]{1, 2});
        DataException e = assertThrows(DataException.class,
                () -> VideoReport.compute(train, null, other, features, classifier, 1));
        assertTrue(e.getMessage().startsWith("square: clips of 1x2x32x32 cannot be compared"), e.getMessage());
        Clips few = TestClips.real("test", 15);
        e = assertThrows(DataException.class, () -> VideoReport.compute(train, null, few, features, null, 1));
        assertTrue(e.getMessage().contains("15 samples of 18-d features"), e.getMessage());
    }
}
