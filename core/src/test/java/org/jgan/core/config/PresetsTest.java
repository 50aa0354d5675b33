package org.jgan.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void dcganTrainsAtBatch16AndTheEmaPresetDiffersOnlyByItsAverage() {
        TrainConfig dcgan = Presets.byName("dcgan");
        TrainConfig ema = Presets.byName("dcgan-ema");
        assertEquals(16, dcgan.data().batch());
        assertEquals(0.0, dcgan.optim().emaBeta());
        assertEquals(0.999, ema.optim().emaBeta());
        OptimConfig o = dcgan.optim();
        assertEquals(dcgan.withOptim(new OptimConfig(o.lrG(), o.lrD(), o.beta1(), o.beta2(), 0.999, o.dSteps())), ema);
        // the base config keeps Radford et al.'s step at 64 (what bench times and older config files default to)
        assertEquals(64, TrainConfig.dcganFashionMnist().data().batch());
        assertEquals(TrainConfig.dcganFashionMnist().optim(), dcgan.optim());
        // a model without a preset of its own starts from dcgan's
        assertEquals(16, TrainConfigBuilder.forModel("vanilla").build().data().batch());
    }
}
