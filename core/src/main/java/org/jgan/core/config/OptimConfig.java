package org.jgan.core.config;

/**
 * Adam settings for the two players (Kingma and Ba 2015; separate rates are the TTUR of Heusel et al. 2017) and the
 * EMA of generator weights (Karras et al. 2018).
 *
 * @param emaBeta decay of the EMA generator per step; 0 turns the EMA copy off
 * @param dSteps  discriminator steps per generator step
 */
public record OptimConfig(double lrG, double lrD, double beta1, double beta2, double emaBeta, int dSteps) {
    public OptimConfig {
        ConfigException.check(lrG > 0 && lrG < 1, "optim.lrG must be in (0, 1), got " + lrG);
        ConfigException.check(lrD > 0 && lrD < 1, "optim.lrD must be in (0, 1), got " + lrD);
        ConfigException.check(beta1 >= 0 && beta1 < 1, "optim.beta1 must be in [0, 1), got " + beta1);
        ConfigException.check(beta2 >= 0 && beta2 < 1, "optim.beta2 must be in [0, 1), got " + beta2);
        ConfigException.check(emaBeta == 0 || (emaBeta > 0 && emaBeta < 1),
                "optim.emaBeta must be 0 (off) or in (0, 1), got " + emaBeta);
        ConfigException.check(dSteps >= 1 && dSteps <= 100, "optim.dSteps must be in 1..100, got " + dSteps);
    }
}
