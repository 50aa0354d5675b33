package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.loss.GanLoss;

/**
 * What the phases of one step share: the real batch, this step's random generator, the latent batch, the generated
 * batch, the loss, and the stats the phases report. Lives inside the step's scope.
 *
 * <p>The generated batch is computed once and shared by the D and G phases, as PyTorch's DCGAN example does (D sees
 * it detached): recomputing it for the G phase would cost an extra generator forward (~18% of a DCGAN step).
 * It is computed with the generator's parameters tracking gradients even when the current phase freezes them, so the
 * G phase can back-propagate through it later.
 */
public final class StepContext {
    private final Players players;
    private final GanLoss loss;
    private final TrainConfig config;
    private final Tensor real;
    private final Tensor labels;
    private final Generator rng;
    private final long step;
    private final Map<String, Double> stats = new LinkedHashMap<>();
    private final Map<String, Tensor> shared = new java.util.HashMap<>();
    private Tensor z;
    private Tensor fake;
    /** Data-parallel: the global batch this step's rows are a slice of, and where the slice starts. */
    private long globalBatch = -1;
    private long sliceStart;
    private Conditioning conditioning;

    public StepContext(Players players, GanLoss loss, TrainConfig config, Tensor real, Tensor labels, long seed,
                       long step) {
        this.players = players;
        this.loss = loss;
        this.config = config;
        this.real = real;
        this.labels = labels;
        this.rng = torch.createCPUGenerator(seed);
        this.step = step;
    }

    public Players players() {
        return players;
    }

    public GanLoss loss() {
        return loss;
    }

    public TrainConfig config() {
        return config;
    }

    public long step() {
        return step;
    }

    public Tensor real() {
        return real;
    }

    /**
     * The condition of the real batch, made by the variant's {@link Conditioning}: class labels (int64) for
     * class-conditional variants, word ids for text-conditioned ones; for other variants the data's class labels,
     * or null when the data is unlabelled. The generated batch takes the same condition.
     */
    public Tensor condition() {
        return labels;
    }

    /**
     * The run's {@link Conditioning}, the variant's own, so that a phase can ask it for more than the batch's
     * condition (the text-to-image discriminator asks for captions with one attribute word changed); null when the
     * variant has none or the context was made outside a trainer.
     */
    public Conditioning conditioning() {
        return conditioning;
    }

    void conditionedBy(Conditioning c) {
        this.conditioning = c;
    }

    /** {@link #condition()}, by the name class-conditional code reads best with. */
    public Tensor labels() {
        return labels;
    }

    public long batchSize() {
        return real.size(0);
    }

    /** This step's random generator; everything random in a step draws from it, so resume is exact. */
    public GeneratorOptional rng() {
        return new GeneratorOptional(rng);
    }

    /** Standard normal noise of {@code shape} from this step's generator. */
    public Tensor randn(long... shape) {
        return torch.randn(shape, rng());
    }

    /**
     * The latent batch z ~ N(0, I) of this step. In data-parallel training it is this worker's rows of the latent
     * batch drawn for the whole global batch, so the workers together use exactly one trainer's z.
     */
    public Tensor z() {
        if (z == null) {
            z = globalBatch < 0 ? randn(batchSize(), config.model().latentDim())
                    : randn(globalBatch, config.model().latentDim()).narrow(0, sliceStart, batchSize());
        }
        return z;
    }

    /** Marks this step's rows as rows {@code start ..} of a global batch of {@code global} (data-parallel). */
    void sliceOf(long global, long start) {
        this.globalBatch = global;
        this.sliceStart = start;
    }

    /** G(z, condition), computed once per step with gradients to G's parameters. */
    public Tensor fake() {
        if (fake == null) {
            boolean wasTrainable = players.generator().parameters().get(0).requires_grad();
            players.setTrainable(Players.G, true);
            // A generator with its own random draws (noise inputs, style mixing) takes them from this step.
            fake = players.generator() instanceof org.jgan.core.nn.StochasticGenerator s
                    ? s.forward(z(), labels, rng()) : players.generator().forward(z(), labels);
            if (!wasTrainable) {
                players.setTrainable(Players.G, false);
            }
        }
        return fake;
    }

    /**
     * A tensor computed once per batch and shared by the step's phases, e.g. a batch after random crops drawn from
     * {@link #rng()}, which must not be drawn again by the next phase; it dies with the step.
     */
    public Tensor shared(String name, java.util.function.Supplier<Tensor> compute) {
        Tensor t = shared.get(name);
        if (t == null) {
            t = compute.get();
            shared.put(name, t);
        }
        return t;
    }

    /**
     * As {@link #shared}, for a tensor made by the networks of {@code group} (pix2pix's G(A), CycleGAN's
     * translations), as {@link #fake()} is for G(z): computed with that group's parameters tracking gradients, so a
     * later phase of the group can back-propagate through it even when the phase that first asked freezes them.
     */
    public Tensor generated(String name, String group, java.util.function.Supplier<Tensor> compute) {
        return shared(name, () -> {
            java.util.List<String> nets = players.groups().get(group);
            boolean wasTrainable = players.net(nets.get(0)).parameters().get(0).requires_grad();
            players.setTrainable(group, true);
            try {
                return compute.get();
            } finally {
                if (!wasTrainable) {
                    players.setTrainable(group, false);
                }
            }
        });
    }

    /** DiffAugment (Zhao et al. 2020) with the configured policies, drawn from this step's generator; identity when off. */
    public Tensor augment(Tensor images) {
        var policies = config.reg().augments();
        return policies.isEmpty() ? images : org.jgan.core.reg.DiffAugment.apply(images, policies, rng());
    }

    /** Records a scalar for stats.jsonl under a path-style name such as "Loss/D" or "D/real_score". */
    public void report(String name, Tensor scalar) {
        stats.put(name, scalar.detach().item_double());
    }

    public void report(String name, double value) {
        stats.put(name, value);
    }

    public Map<String, Double> stats() {
        return stats;
    }
}
