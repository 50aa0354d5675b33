package org.jgan.models.timegan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;
import org.jgan.core.train.TrainingData;

/**
 * TimeGAN (Yoon et al. 2019, "Time-series Generative Adversarial Networks"): an embedder and a recovery network map
 * windows to a latent space and back; a generator writes latent sequences from noise, a supervisor learns the
 * latent's next step, and the discriminator judges latent sequences. Three stages, as the paper trains: the
 * autoencoder alone ({@link TimeGanConfig#embeddingSteps()} steps, reconstruction loss), the supervisor alone
 * ({@link TimeGanConfig#supervisedSteps()}, the supervised loss on real latents), then all jointly (per step twice G
 * with the unsupervised, supervised and moment losses, and the autoencoder with reconstruction plus 0.1 of the
 * supervised loss, then D, trained only while its loss is above 0.15). Each group keeps its own optimizer, as the
 * paper's solvers do. With {@link TimeGanConfig#dataAdversary} (the preset's) a second discriminator, net
 * {@code Dx} in D's group, judges the windows R(H_hat) themselves. Settings: {@link TimeGanConfig}; the preset
 * {@code timegan}.
 */
public final class TimeGan implements GanVariant {
    /** The registry name. */
    public static final String NAME = "timegan";
    static final String AE = "AE";
    /** The adversary in the data space ({@link TimeGanConfig#dataAdversary}). */
    static final String DATA_D = "Dx";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Yoon et al. 2019, Time-series Generative Adversarial Networks (TimeGAN)";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        TimeGanConfig c = TimeGanConfig.of(config);
        TimeGanGenerator g = (TimeGanGenerator) buildGenerator(config, shape);
        int statics = c.statics().size();
        // with statics the latent is the temporal half and the static half side by side (StaticSeriesNet)
        GanNet e = statics == 0 ? new SeriesNet(shape.channels(), c.hidden(), c.layers(), c.hidden(), true)
                : new StaticSeriesNet(StaticSeriesNet.Role.EMBEDDER, shape.channels(), statics, shape.channels(),
                c.hidden(), c.layers());
        GanNet d = new SeriesNet(statics == 0 ? c.hidden() : 2 * c.hidden(), c.hidden(), c.layers(), 1, false);
        Map<String, GanNet> nets = new java.util.LinkedHashMap<>();
        nets.put(Players.G, g);
        nets.put("Gz", g.generator());
        nets.put("S", g.supervisor());
        nets.put("R", g.recovery());
        nets.put("E", e);
        nets.put(Players.D, d);
        List<String> judges = List.of(Players.D);
        if (c.dataAdversary() > 0) {
            nets.put(DATA_D, new SeriesNet(shape.channels(), c.hidden(), c.layers(), 1, false));
            judges = List.of(Players.D, DATA_D);  // one group, one optimizer: the two adversaries train together
        }
        return new Players(nets, Map.of(AE, List.of("E", "R"), Players.G, List.of("Gz", "S"), Players.D, judges));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        checkData(shape, "the data");
        return new TimeGanGenerator(config.model().latentDim(), shape.channels(), TimeGanConfig.of(config));
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.width() != 1 || shape.spans() != null) {
            throw new ConfigException("timegan trains on series windows (sines, or a table's numeric columns), but "
                    + dataName + " holds " + (shape.spans() != null ? "table rows" : "images"));
        }
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        throw new ConfigException("timegan trains on series, not images");
    }

    @Override
    public TrainingData openTrainingData(TrainConfig config, long subsetSeed) {
        ConfigException.check(config.data().perClass() == 0, "data.perClass picks images per class; series windows "
                + "have no classes (use data.limit)");
        TimeGanConfig c = TimeGanConfig.of(config);
        SeriesWindows w = SeriesWindows.open(config.data().source(), c);
        ConfigException.check(w.statics() == c.statics().size(), "timegan.staticColumns names columns of a table; "
                + config.data().source() + " has no static features");
        int limit = config.data().limit();
        if (limit > 0 && limit < w.count()) {
            int per = w.steps() * w.features().size();
            w = new SeriesWindows(w.name() + "[:" + limit + "]", w.features(), w.steps(),
                    java.util.Arrays.copyOf(w.values(), limit * per), w.statics(), w.categories());
        }
        return new SeriesData(w, c.scalesByStep());
    }

    @Override
    public long generatorLearnsFrom(TrainConfig config) {
        return TimeGanConfig.of(config).jointFrom();
    }

    @Override
    public double lrFactor(TrainConfig config, long step, long totalSteps) {
        return GanVariant.linearDecay(TimeGanConfig.of(config).lrDecayFrom(), step, totalSteps);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        TimeGanConfig c = TimeGanConfig.of(config);
        long s1 = c.embeddingSteps();
        long s2 = c.jointFrom();
        List<Phase> p = new ArrayList<>();
        p.add(new Phase("AEpre", AE, 1, false, ctx -> TimeGanLosses.reconstruction(ctx, c)).during(0, s1));
        p.add(new Phase("Spre", Players.G, 1, false, ctx -> supervisedLoss(ctx, "Loss/S")).during(s1, s2));
        for (int k = 1; k <= 2; k++) {
            p.add(new Phase("G" + k, Players.G, 1, false, ctx -> TimeGanLosses.generator(ctx, c)).during(s2,
                    Long.MAX_VALUE));
            p.add(new Phase("AE" + k, AE, 1, false, ctx -> TimeGanLosses.autoencoder(ctx, c)).during(s2,
                    Long.MAX_VALUE));
        }
        p.add(new Phase("D", Players.D, 1, false, ctx -> TimeGanLosses.discriminator(ctx, c)).during(s2,
                Long.MAX_VALUE));
        return p;
    }

    /** The second stage: MSE between real latents one step ahead and the supervisor's prediction. */
    static Tensor supervisedLoss(StepContext ctx, String name) {
        Tensor l = TimeGanLosses.supervised(ctx);
        ctx.report(name, l);
        return l;
    }

    static Tensor bce(Tensor logits, double target) {
        return torch.binary_cross_entropy_with_logits(logits, torch.full_like(logits, new Scalar(target)));
    }
}
