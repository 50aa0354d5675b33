package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zero-inflated feature's exact zeros come back in generated windows, at the real share, where the generator put
 * its lowest values; runs written before point masses sample as they did.
 */
class SeriesPointMassesTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void aTemporalFeatureHeldExactlyOnManyStepsHasAPointMassAStaticOneDoesNot() {
        int n = 50;
        int steps = 4;
        float[] v = new float[n * steps * 3];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                int o = (i * steps + t) * 3;
                v[o] = i % 3 == 0 ? 1 : 0;  // a static flag: held exactly, but not a feature over time
                v[o + 1] = (i * steps + t) % 5 < 3 ? 0 : (float) r.nextDouble(0.1, 20);  // dry on 60% of steps
                v[o + 2] = (float) r.nextGaussian();
            }
        }
        SeriesWindows w = new SeriesWindows("w", List.of("flag", "rain", "temp"), steps, v, 1, Map.of());
        SeriesPointMasses m = SeriesPointMasses.of(w);
        assertArrayEquals(new int[]{1}, m.features());
        assertEquals(0f, m.values()[0]);
        assertEquals(0.6, m.shares()[0], 1e-9);
    }

    @Test
    void theBandHoldsTheRealShareOfTheReferenceAndLeavesOtherValuesAlone() {
        SeriesPointMasses m = new SeriesPointMasses(new int[]{0}, new float[]{0f}, new double[]{0.5});
        // two features; feature 0 of the reference runs 0.1 .. 1.0, feature 1 is never touched
        float[] ref = new float[20];
        for (int i = 0; i < 10; i++) {
            ref[2 * i] = 0.1f * (i + 1);
            ref[2 * i + 1] = 0.05f;
        }
        float[] snapped = m.snap(ref, m.bands(ref, 2), 2);
        for (int i = 0; i < 10; i++) {
            assertEquals(i < 5 ? 0f : ref[2 * i], snapped[2 * i], "the five lowest become the mass: " + i);
            assertEquals(0.05f, snapped[2 * i + 1]);
        }
        float[] other = {0.45f, 0f, 0.55f, 0f, -0.2f, 0f};
        assertArrayEquals(new float[]{0f, 0f, 0.55f, 0f, 0f, 0f}, m.snap(other, m.bands(ref, 2), 2),
                "the reference's band");
        assertArrayEquals(other, SeriesPointMasses.NONE.snap(other, SeriesPointMasses.NONE.bands(ref, 2), 2));
    }

    @Test
    void generatedWindowsHoldTheMassAtTheRealShareAndOldRunsAreUnchanged() throws Exception {
        Path csv = tmp.resolve("rain.csv");
        StringBuilder sb = new StringBuilder("t,rain,temp\n");
        SplittableRandom r = new SplittableRandom(2);
        for (int t = 0; t < 300; t++) {
            boolean dry = (t / 4) % 2 == 0 && r.nextDouble() < 0.9;
            sb.append(t).append(',').append(dry ? "0" : String.format("%.2f", r.nextDouble(0.2, 30))).append(',')
                    .append(String.format("%.3f", Math.sin(t / 7.0) + 0.1 * r.nextGaussian())).append('\n');
        }
        Files.writeString(csv, sb);
        TrainConfig c = new TimeGanConfig(8, 2, 8, 1, 3, 3, 1.0, "", "t").in(TimeGanTest.config(8)
                .withData(new DataConfig(csv.toString(), 16, true, 0)));
        Path run = tmp.resolve("run");
        try (Trainer t = TimeGanTest.trainer(c, run)) {
            t.run(new TrainListener() { });
        }
        SeriesData.Scaling s = SeriesData.readScaling(run);
        assertArrayEquals(new int[]{0}, s.masses().features(), "rain has a point mass, temp none");
        double realShare = s.masses().shares()[0];
        assertTrue(realShare > 0.3 && realShare < 0.6, "about 45% of the windows' steps are dry: " + realShare);
        try (RunGenerator g = RunGenerator.load(run, null, true)) {
            SeriesWindows w = new SeriesSampler(g, run).sample(500, 7);
            assertEquals(realShare, zeros(w, 0), 0.05, "the real share of dry steps, from a seed the bands never saw");
            assertEquals(0, zeros(w, 1), "temp has no mass");
            // a run written before point masses: its scaling has none, and its windows stay as they were
            Path file = run.resolve("series/scaling.json");
            String json = Files.readString(file);
            Files.writeString(file, json.replaceAll("(?s),\\s*\"pointMasses\"\\s*:\\s*\\[.*?\\]", ""));
            assertTrue(SeriesData.readScaling(run).masses().isEmpty(), Files.readString(file));
            assertEquals(0, zeros(new SeriesSampler(g, run).sample(500, 7), 0), "no exact zeros without the key");
        }
    }

    /** The share of feature {@code k}'s values that are exactly 0. */
    private static double zeros(SeriesWindows w, int k) {
        int f = w.features().size();
        int n = 0;
        for (int i = k; i < w.values().length; i += f) {
            n += w.values()[i] == 0f ? 1 : 0;
        }
        return n / (double) (w.values().length / f);
    }
}
