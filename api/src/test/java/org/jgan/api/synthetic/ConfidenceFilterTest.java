package org.jgan.api.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleBiFunction;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

/**
 * The confidence filter with a judge whose answers the test controls: it rejects what falls short, keeps exactly the
 * first passing candidates of each class round after round, and gives up with a message naming the class.
 */
class ConfidenceFilterTest {
    /** A judge scoring image i of a batch by {@code score(images, i)}; it checks the labels it is handed. */
    static ConfidenceJudge judge(int classes, ToDoubleBiFunction<ImageDataset, Integer> score) {
        return new ConfidenceJudge() {
            @Override
            public String name() {
                return "the test judge";
            }

            @Override
            public int classes() {
                return classes;
            }

            @Override
            public double[] confidence(ImageDataset images) {
                double[] c = new double[images.size()];
                for (int i = 0; i < c.length; i++) {
                    assertEquals(images.pixels()[i * FakeGenerator.PIXELS + 1], images.labels()[i],
                            "the judge is handed each image with the label it was generated for");
                    c[i] = score.applyAsDouble(images, i);
                }
                return c;
            }
        };
    }

    static final ConfidenceJudge FIRST_PIXEL = judge(3, (d, i) -> FakeGenerator.firstPixel(d.pixels(), i));

    @Test
    void rejectsWhatFallsShortAndKeepsTheFirstPassingCandidatesOfEachClass() {
        int perClass = 5;
        double min = 0.6;
        FakeGenerator g = new FakeGenerator();
        FilteredSet f = new ConfidenceFilter(min).generate(g, FIRST_PIXEL, perClass, 42);
        assertEquals(15, f.kept());
        assertTrue(f.drawn() > f.kept(), "some candidates were rejected: " + f.drawn() + " drawn");
        assertEquals(15 * g.calls, f.drawn(), "each round draws perClass candidates of every class");
        ImageDataset kept = f.images();
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(i / perClass, kept.labels()[i], "class by class");
            assertEquals(kept.labels()[i], kept.pixels()[i * FakeGenerator.PIXELS + 1], "image of its own class");
            assertTrue(FakeGenerator.firstPixel(kept.pixels(), i) >= min, "kept image " + i + " is below " + min);
        }
        // Replayed by hand: round r's candidates come from seed 42 + 7919 r, the first passing ones fill a class.
        byte[] expected = new byte[kept.pixels().length];
        int[] filled = new int[3];
        for (int r = 0; r < g.calls; r++) {
            byte[] c = new FakeGenerator().generate(15, 42 + 7919L * r, i -> i / perClass);
            for (int i = 0; i < 15; i++) {
                int cls = i / perClass;
                if (filled[cls] < perClass && FakeGenerator.firstPixel(c, i) >= min) {
                    System.arraycopy(c, i * 4, expected, (cls * perClass + filled[cls]++) * 4, 4);
                }
            }
        }
        assertArrayEquals(expected, kept.pixels());
    }

    @Test
    void minimumZeroKeepsTheFirstRoundWhichIsTheUnfilteredSet() {
        FilteredSet f = new ConfidenceFilter(0).generate(new FakeGenerator(), FIRST_PIXEL, 4, 7);
        assertEquals(12, f.drawn());
        assertArrayEquals(SyntheticSets.generate(new FakeGenerator(), 4, 7).pixels(), f.images().pixels());
    }

    @Test
    void aClassThatNeverReachesTheMinimumGivesUpNamingIt() {
        // class b always scores 0.3; the others always 0.9
        ConfidenceJudge judge = judge(3, (d, i) -> d.labels()[i] == 1 ? 0.3 : 0.9);
        FakeGenerator g = new FakeGenerator();
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfidenceFilter(0.5, 3).generate(g, judge, 4, 1));
        String m = e.getMessage();
        assertEquals(3, g.calls, "it drew every round before giving up");
        for (String part : new String[]{"after 36 images drawn", "class b", "0 of 4", "the test judge", "0.5"}) {
            assertTrue(m.contains(part), "'" + part + "' missing: " + m);
        }
        assertFalse(m.contains("--"), "a library message names no command-line option: " + m);
    }

    @Test
    void aJudgeOfOtherClassesIsRefusedBeforeDrawing() {
        FakeGenerator g = new FakeGenerator();
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfidenceFilter(0.5).generate(g, judge(10, (d, i) -> 1), 2, 0));
        assertTrue(e.getMessage().contains("10 classes") && e.getMessage().contains("3 classes [a, b, c]"),
                e.getMessage());
        assertEquals(0, g.calls);
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        for (double bad : new double[]{-0.1, 1, Double.NaN}) {
            ConfigException e = assertThrows(ConfigException.class, () -> new ConfidenceFilter(bad));
            assertTrue(e.getMessage().contains("minimum confidence"), e.getMessage());
        }
        assertThrows(ConfigException.class, () -> new ConfidenceFilter(0.5, 0));
    }
}
