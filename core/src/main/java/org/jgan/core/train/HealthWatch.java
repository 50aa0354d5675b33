package org.jgan.core.train;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jgan.core.config.TrainConfig;

/**
 * The always-on alarms of a run, for failures that no loss guard sees: a run can go dead with finite, modest losses
 * (at learning rate 0.9 D's loss fell to 0.000 and G's froze at 230.467 for 130 steps, the grids one checkerboard,
 * and the run ended with exit 0). Costs a few comparisons per step and one reduction per sample grid, so it needs no
 * evaluation. Each sign raises {@link Trainer#alarm} once (logged to stats.jsonl, answered per guard.onCollapse) and
 * again only after it has cleared:
 * <ul>
 *   <li>{@value #D_PINNED}: D's mean scores stay within {@value #PINNED} of 1 on real and 0 on fake images for
 *       guard.deadSteps consecutive steps (not for the wasserstein loss, whose critic has no probability scale);</li>
 *   <li>{@value #G_FROZEN}: G's loss stays within a relative {@value #FROZEN} of one value for guard.deadSteps
 *       steps;</li>
 *   <li>{@value #SAMPLES_ALIKE}: from step guard.deadSteps on, the images of a grid's latent batch differ from their
 *       mean image by less than {@value #MIN_SPREAD} on average (in [-1, 1] units: a hundredth of a grey level), so
 *       G ignores its input (a dead run's are identical; a freshly initialised G's differ by only about 0.002, which
 *       is why the first steps are not judged);</li>
 *   <li>{@value #NON_FINITE}: a reported statistic or a grid pixel is NaN or infinite (whatever guard.deadSteps).</li>
 * </ul>
 * Healthy runs sit far from these thresholds: on 24 images for 300 steps at the default rates, D's scores stayed within
 * 0.978 and 0.008, G's loss moved every step, and from step 60 on the batch's spread was 0.05 or more. Wraps the
 * listener the trainer was given and passes everything on; a rollback starts every count afresh.
 */
public final class HealthWatch implements TrainListener {
    public static final String D_PINNED = "d-pinned";
    public static final String G_FROZEN = "g-frozen";
    public static final String SAMPLES_ALIKE = "samples-alike";
    public static final String NON_FINITE = "non-finite";
    /** The alarm kinds this watch raises: a run that raised one is not to be trusted without a look. */
    public static final Set<String> KINDS = Set.of(D_PINNED, G_FROZEN, SAMPLES_ALIKE, NON_FINITE);
    static final double PINNED = 1e-4;
    static final double FROZEN = 1e-5;
    static final double MIN_SPREAD = 1e-4;

    private final TrainListener next;
    private final FixedSamples samples;
    private final int deadSteps;
    private final boolean scoresAreProbabilities;
    private final Set<String> raised = new HashSet<>();
    private BiConsumer<String, String> alarm;
    private boolean stepped;
    private long step;
    private int pinnedSteps;
    private int frozenSteps;
    private double frozenAt;
    /** The step the generator starts learning at (after a staged variant's pre-training). */
    private long generatorFrom;

    HealthWatch(TrainListener next, TrainConfig config, FixedSamples samples) {
        this.next = next;
        this.samples = samples;
        this.deadSteps = config.guard().deadSteps();
        this.scoresAreProbabilities = !config.model().loss().equals("wasserstein");
    }

    /** Sends alarms to {@code sink} instead of a trainer's {@link Trainer#alarm} (tests judge stats without one). */
    HealthWatch alarmingTo(BiConsumer<String, String> sink) {
        alarm = sink;
        return this;
    }

    @Override
    public void attached(Trainer trainer) {
        generatorFrom = trainer.variant().generatorLearnsFrom(trainer.config());
        alarm = trainer::alarm;
        next.attached(trainer);
    }

    @Override
    public void started(TrainState state, long totalSteps) {
        next.started(state, totalSteps);
    }

    @Override
    public void stepDone(TrainState state, Map<String, Double> stats) {
        next.stepDone(state, stats);
        stepped = true;
        step = state.step();
        String bad = stats.entrySet().stream().filter(e -> !Double.isFinite(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        raise(NON_FINITE, bad != null, () -> bad + " is " + stats.get(bad));
        if (deadSteps == 0) {
            return;
        }
        Double real = stats.get("D/real_score");
        Double fake = stats.get("D/fake_score");
        if (scoresAreProbabilities && real != null && fake != null) {
            pinnedSteps = real >= 1 - PINNED && fake <= PINNED ? pinnedSteps + 1 : 0;
            raise(D_PINNED, pinnedSteps >= deadSteps, () -> String.format("D's scores have stayed pinned at D(x) = "
                    + "%.5f on real and D(G(z)) = %.5f on fake images for %d steps: D wins completely and G learns "
                    + "nothing from it. Lower optim.lrD and optim.lrG, or regularise D (reg.r1Gamma, spectral norm)",
                    real, fake, pinnedSteps));
        }
        Double g = stats.get("Loss/G");
        if (g != null) {
            boolean same = frozenSteps > 0 && Math.abs(g - frozenAt) <= FROZEN * Math.max(1, Math.abs(frozenAt));
            frozenSteps = same ? frozenSteps + 1 : 1;
            frozenAt = same ? frozenAt : g;
            raise(G_FROZEN, frozenSteps >= deadSteps, () -> String.format("Loss/G has stayed at %.3f for %d steps: "
                    + "the generator has stopped learning. Lower optim.lrG and optim.lrD", frozenAt, frozenSteps));
        }
    }

    @Override
    public void logged(Map<String, Object> record) {
        next.logged(record);
    }

    @Override
    public void event(Map<String, Object> event) {
        next.event(event);
        if (event.containsKey("rollback")) {
            // The steps since the checkpoint are undone: judge the restored run afresh.
            raised.clear();
            pinnedSteps = 0;
            frozenSteps = 0;
        }
    }

    @Override
    public void sampleWritten(Path png) {
        next.sampleWritten(png);
        // A grid written before any step of this invocation (a run already at its target) was judged when it was
        // first made, and the loop that could log an alarm has ended.
        if (!stepped) {
            return;
        }
        raise(NON_FINITE, !samples.lastFinite(), () -> "the sample grid " + png.getFileName() + " has NaN or "
                + "infinite pixels");
        double spread = samples.lastSpread();
        boolean alike = deadSteps > 0 && step - generatorFrom >= deadSteps && spread < MIN_SPREAD;
        raise(SAMPLES_ALIKE, alike, () -> String.format("the images of the fixed latent batch in %s are all alike "
                + "(they differ from their mean by %.5f on average): the generator ignores its input",
                png.getFileName(), spread));
    }

    @Override
    public void checkpointWritten(Path dir) {
        next.checkpointWritten(dir);
    }

    @Override
    public void finished(TrainState state) {
        next.finished(state);
    }

    /** Raises {@code kind} when {@code on} and not raised since it last cleared; re-arms it when not {@code on}. */
    private void raise(String kind, boolean on, Supplier<String> message) {
        if (!on) {
            raised.remove(kind);
        } else if (raised.add(kind)) {
            alarm.accept(kind, message.get());
        }
    }
}
