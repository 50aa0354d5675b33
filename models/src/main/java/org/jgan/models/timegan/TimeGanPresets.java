package org.jgan.models.timegan;

import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;

/**
 * The {@code timegan} preset: the paper's networks (Yoon et al. 2019; GRUs of 24 units, 3 layers, windows of 24
 * steps, batch 128, Adam 1e-3 as its code) on 2,000 sines of 5 features, five noise values per step, stages of 1,000
 * steps each and 3,000 joint steps (the paper runs 50,000 per stage; this fits a CPU), with the moment loss on
 * step-to-step changes ({@link TimeGanConfig#changeMoments}), which keeps noisy series from coming out flat, the loss
 * on the features' pair correlations ({@link TimeGanConfig#pairMoments}, 0.1), which keeps them from moving as one,
 * the autoencoder's loss on changes ({@link TimeGanConfig#aeChanges}, 1), which smooths the first steps, and a second
 * adversary on the windows themselves ({@link TimeGanConfig#dataAdversary}, 1), which judges what the recovery network
 * writes (sines' discriminative score 0.15-0.30 over three seeds against 0.22-0.40 without; docs/results.md).
 */
public final class TimeGanPresets {
    private TimeGanPresets() {
    }

    /** The {@code timegan} preset. */
    public static TrainConfig timegan() {
        TrainConfig base = TrainConfig.dcganFashionMnist();
        TrainConfig c = base.withModel(new ModelConfig(TimeGan.NAME, 24 * 5, "non-saturating", 24))
                .withData(new DataConfig(SeriesWindows.SINES, 128, true, 0))
                .withOptim(new OptimConfig(1e-3, 1e-3, 0.9, 0.999, 0, 1))
                .withReg(RegConfig.none())
                .withSchedule(new ScheduleConfig(0, 5000, 50, 500, 500, 3, 64));
        return TimeGanConfig.defaults().withChangeMoments(1.0).withPairMoments(0.1).withAeChanges(1.0)
                .withDataAdversary(1.0).in(c);
    }
}
