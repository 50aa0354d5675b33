package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.junit.jupiter.api.Test;

/**
 * Proves the thresholds of {@link HealthWatch} on made-up per-step stats: each dead-run sign alarms once after
 * guard.deadSteps steps and not a step earlier, re-arms only after it cleared, and leaves the scores of a wasserstein
 * critic and the ordinary ups and downs of a healthy run alone. The end-to-end proof on real training (a dead run at
 * learning rate 0.9 alarms, a healthy one does not) is models' HealthAlarmsTest and the command line's CliTest.
 */
class HealthWatchTest {
    final List<String> alarms = new ArrayList<>();

    HealthWatch watch(String... sets) {
        TrainConfig cfg = ConfigJson.withOverrides(TrainConfig.dcganFashionMnist(), List.of(sets), TrainConfig.class);
        return new HealthWatch(new TrainListener() { }, cfg, null).alarmingTo((k, m) -> alarms.add(k + ": " + m));
    }

    static Map<String, Double> stats(double real, double fake, double lossG) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("Loss/D", 0.0);
        s.put("D/real_score", real);
        s.put("D/fake_score", fake);
        s.put("Loss/G", lossG);
        return s;
    }

    static void steps(HealthWatch w, int n, Map<String, Double> s) {
        for (int i = 0; i < n; i++) {
            w.stepDone(TrainState.start(), s);
        }
    }

    @Test
    void aPinnedDiscriminatorAlarmsAfterDeadStepsAndOnceOnly() {
        HealthWatch w = watch();
        // G's loss moves, so only the pinned scores are a sign
        for (int i = 0; i < 99; i++) {
            w.stepDone(TrainState.start(), stats(1.0, 0.0, 200 + i));
        }
        assertEquals(List.of(), alarms, "99 of 100 steps");
        w.stepDone(TrainState.start(), stats(0.99995, 0.00003, 300));
        assertEquals(1, alarms.size(), alarms.toString());
        assertTrue(alarms.get(0).startsWith("d-pinned: D's scores have stayed pinned"), alarms.get(0));
        assertTrue(alarms.get(0).contains("for 100 steps"), alarms.get(0));
        steps(w, 300, stats(1.0, 0.0, 5));
        assertEquals(1, alarms.stream().filter(a -> a.startsWith("d-pinned")).count(), "raised once while it lasts");
    }

    @Test
    void aFrozenGeneratorLossAlarmsAndReArmsAfterItMoved() {
        HealthWatch w = watch("guard.deadSteps=10");
        steps(w, 10, stats(0.7, 0.3, 350.293));
        assertEquals(List.of("g-frozen: Loss/G has stayed at 350.293 for 10 steps: the generator has stopped "
                + "learning. Lower optim.lrG and optim.lrD"), alarms);
        steps(w, 1, stats(0.7, 0.3, 351));
        // within a relative 1e-5 counts as the same value (float noise of a frozen network)
        steps(w, 8, stats(0.7, 0.3, 351 * (1 + 5e-6)));
        assertEquals(1, alarms.size(), "not yet 10 steps at the new value");
        steps(w, 1, stats(0.7, 0.3, 351 * (1 - 5e-6)));
        assertEquals(2, alarms.size(), "re-armed once the loss moved: " + alarms);
        steps(w, 1, stats(0.7, 0.3, 351 * (1 + 2e-5)));
        steps(w, 9, stats(0.7, 0.3, 351));
        assertEquals(2, alarms.size(), "a move beyond 1e-5 starts the count again: " + alarms);
    }

    @Test
    void healthyUpsAndDownsAndAWassersteinCriticNeverAlarm() {
        HealthWatch w = watch();
        for (int i = 0; i < 1000; i++) {
            // a winning D (0.999 / 0.001 is a D loss of 0.002) with G's loss moving by 1e-4 a step
            w.stepDone(TrainState.start(), stats(0.999, 0.001, 6.9 + (i % 2) * 1e-4));
        }
        HealthWatch critic = watch("model.loss=wasserstein");
        steps(critic, 1000, Map.of("D/real_score", 1.0, "D/fake_score", 0.0));
        assertEquals(List.of(), alarms);
    }

    @Test
    void nonFiniteStatsAlarmEvenWithTheDeadRunAlarmsOff() {
        HealthWatch w = watch("guard.deadSteps=0");
        Map<String, Double> s = stats(1.0, 0.0, 3.0);
        s.put("Reg/r1", Double.NaN);
        steps(w, 200, s);
        assertEquals(List.of("non-finite: Reg/r1 is NaN"), alarms);
    }

    @Test
    void aRollbackStartsTheCountsAfresh() {
        HealthWatch w = watch("guard.deadSteps=10");
        steps(w, 9, stats(1.0, 0.0, 1.0));
        w.event(Map.of("rollback", 1));
        steps(w, 9, stats(1.0, 0.0, 1.0));
        assertEquals(List.of(), alarms);
    }

    @Test
    void deadStepsIsValidated() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () ->
                watch("guard.deadSteps=-1"));
        assertTrue(e.getMessage().contains("guard.deadSteps must be 0 (off) or a step count"), e.getMessage());
    }
}
