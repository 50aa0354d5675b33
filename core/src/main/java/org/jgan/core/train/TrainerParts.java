package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.loss.Losses;
import org.jgan.engine.Optimizers;

/**
 * What a {@link Trainer} builds around its players: one Adam per player group, the EMA copy of G, the variant's
 * phases and conditioning, the step runner and the fixed sample batch. Built in one place so that a failure part way
 * frees what was built before it: nobody holds the trainer yet to close it.
 */
record TrainerParts(Map<String, Adam> optimizers, Ema ema, List<Phase> phases, Conditioning conditioning,
        StepRunner runner, FixedSamples samples) {

    /** Refuses model.precision where this CPU cannot compute in it at full speed (bfloat16 without its instructions). */
    static void checkPrecision(TrainConfig config) {
        org.jgan.core.config.ConfigException.check(config.model().precisionMode().availableHere(),
                "model.precision " + config.model().precision() + " needs a CPU with bfloat16 dot-product "
                        + "instructions (avx512_bf16 or amx_bf16), which this one (" + org.jgan.engine.CpuInfo.model()
                        + ") lacks; train in float32");
    }

    /** Refuses unlabelled data (or one class) for a conditional variant, before anything is built. */
    static void checkLabels(GanVariant variant, TrainingData data) {
        int k = data.shape().numClasses();
        if (variant.conditional() && k < 2) {
            throw new ConfigException(variant.name() + " is conditional and needs labelled data with 2 or more "
                    + "classes; " + data.name() + " has " + (k > 0 ? k : "no labels"));
        }
    }

    static TrainerParts build(GanVariant variant, TrainConfig config, TrainingData data, Players players) {
        Map<String, Adam> optimizers = new LinkedHashMap<>();
        Ema ema = null;
        try {
            ema = config.optim().emaBeta() > 0 ? new Ema(variant.buildGenerator(config, data.shape()),
                    players.generator(), config.optim().emaBeta()) : null;
            for (String group : players.groups().keySet()) {
                // the rate here is a placeholder: LearningRates sets every group's rate and betas before a step
                optimizers.put(group, Optimizers.adam(players.parameters(group), 1e-3, config.optim().beta1(),
                        config.optim().beta2()));
            }
            List<Phase> phases = variant.phases(config);
            Conditioning conditioning = variant.conditioning(config, data);
            StepRunner runner = new StepRunner(config, data, players, optimizers, phases,
                    Losses.byName(config.model().loss(), config.reg().realLabel()), ema, conditioning);
            FixedSamples samples = new FixedSamples(variant, config, data, conditioning);
            return new TrainerParts(optimizers, ema, phases, conditioning, runner, samples);
        } catch (RuntimeException | Error e) {
            optimizers.values().forEach(Adam::close);
            if (ema != null) {
                ema.close();
            }
            players.close();
            throw e;
        }
    }
}
