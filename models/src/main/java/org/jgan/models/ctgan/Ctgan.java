package org.jgan.models.ctgan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.TableTransformer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.reg.GradientPenalty;
import org.jgan.core.train.Conditioning;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;
import org.jgan.core.train.TrainingData;

/**
 * CTGAN (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN"): synthetic table rows. Numbers are
 * mode-specifically normalised and categories one-hot encoded ({@link org.jgan.core.data.table.TableTransformer});
 * G writes a row from z and a conditional vector ({@link CtganGenerator}), trained by sampling so rare categories are
 * learned ({@link TableConditioning}); its one-hots pass through a Gumbel-softmax, and a cross-entropy term makes it
 * honour the condition. The critic judges packs of rows with their conditions (PacGAN) under WGAN-GP. Settings:
 * {@link CtganConfig}; the preset {@code ctgan}.
 */
public final class Ctgan implements GanVariant {
    @Override
    public String name() {
        return "ctgan";
    }

    @Override
    public String citation() {
        return "Xu et al. 2019, Modeling Tabular Data using Conditional GAN (CTGAN); PacGAN: Lin et al. 2018; "
                + "WGAN-GP: Gulrajani et al. 2017";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        CtganConfig c = CtganConfig.of(config);
        int cond = conditionWidth(shape);
        PacDiscriminator d = new PacDiscriminator(c.pac() * (shape.channels() + cond), config.model().width());
        return Players.of(buildGenerator(config, shape), d);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        checkData(shape, "the data");
        return new CtganGenerator(config.model().latentDim(), conditionWidth(shape), config.model().width(),
                shape.spans());
    }

    private static int conditionWidth(DataShape shape) {
        return shape.spans().stream().filter(s -> s.part().equals("category")).mapToInt(OutputSpan::length).sum();
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.spans() == null) {
            throw new ConfigException("ctgan trains on tables (a CSV, JSON lines or JSON file, or a named table such "
                    + "as seattle-weather), but " + dataName + " holds images");
        }
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        throw new ConfigException("ctgan trains on tables, not images");
    }

    @Override
    public TrainingData openTrainingData(TrainConfig config, long subsetSeed) {
        return TableRows.open(config, subsetSeed);
    }

    @Override
    public Conditioning conditioning(TrainConfig config, TrainingData data) {
        if (!(data instanceof TableRows rows)) {
            throw new ConfigException("ctgan trains on tables; " + data.name() + " is not one");
        }
        return new TableConditioning(rows, CtganConfig.of(config).logFrequency());
    }

    @Override
    public DataShape runShape(Path runDir, DataShape recorded) {
        Path file = runDir.resolve(TableRows.DIR).resolve(TableRows.TRANSFORMER);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(runDir + ": this ctgan run has no " + TableRows.DIR + "/" + TableRows.TRANSFORMER
                    + ", which sampling needs to read its rows");
        }
        return DataShape.table(TableTransformer.load(file).spans());
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        CtganConfig c = CtganConfig.of(config);
        ConfigException.check(config.data().batch() % c.pac() == 0, "data.batch (" + config.data().batch()
                + ") must be a multiple of ctgan.pac (" + c.pac() + "): the critic judges whole packs");
        return List.of(new Phase("Dmain", Players.D, 1, true, ctx -> criticLoss(ctx, c)),
                new Phase("Gmain", Players.G, 1, false, ctx -> generatorLoss(ctx, c)));
    }

    /** G's output as D sees it, computed once per step (the Gumbel draws must not differ between phases). */
    private static Tensor activated(StepContext ctx, CtganConfig c) {
        List<OutputSpan> spans = spans(ctx);
        return ctx.shared("ctgan-activated", () -> TableActivations.activate(ctx.fake(), spans, c.gumbelTau(),
                ctx.rng()));
    }

    private static List<OutputSpan> spans(StepContext ctx) {
        return ((CtganGenerator) ctx.players().generator()).spans();
    }

    static Tensor criticLoss(StepContext ctx, CtganConfig c) {
        GanNet d = ctx.players().discriminator();
        Tensor real = TableActivations.pack(ctx.real(), ctx.condition(), c.pac());
        Tensor fake = TableActivations.pack(activated(ctx, c).detach(), ctx.condition(), c.pac());
        Tensor yReal = d.forward(real, null);
        Tensor yFake = d.forward(fake, null);
        Tensor loss = ctx.loss().discriminator(yReal, yFake);
        ctx.report("Loss/D", loss);
        ctx.report("D/real_score", yReal.detach().mean());
        ctx.report("D/fake_score", yFake.detach().mean());
        double lambda = ctx.config().reg().gpWeight();
        if (lambda > 0) {
            Tensor gp = GradientPenalty.compute(d, real, fake, null, TableActivations.packEps(real.size(0), ctx.rng()));
            ctx.report("Reg/gp", gp);
            loss = loss.add(gp.mul(new Scalar(lambda)));
        }
        return loss;
    }

    static Tensor generatorLoss(StepContext ctx, CtganConfig c) {
        Tensor packs = TableActivations.pack(activated(ctx, c), ctx.condition(), c.pac());
        Tensor adv = ctx.loss().generator(ctx.players().discriminator().forward(packs, null));
        Tensor ce = TableActivations.conditionLoss(ctx.fake(), ctx.condition(),
                spans(ctx).stream().filter(s -> s.part().equals("category")).toList());
        ctx.report("Loss/G", adv);
        ctx.report("Loss/G_condition", ce);
        return adv.add(ce);
    }
}
