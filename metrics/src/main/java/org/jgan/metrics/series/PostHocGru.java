package org.jgan.metrics.series;

import org.bytedeco.pytorch.GRUImpl;
import org.bytedeco.pytorch.GRUOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * The small post-hoc network of TimeGAN's scores (Yoon et al. 2019): one GRU layer and a linear map, either from the
 * last step (a window's real-or-synthetic logit) or from every step (the next value's prediction); the scores choose
 * its units ({@link TimeGanScores}).
 */
final class PostHocGru extends Module {
    private final GRUImpl gru;
    private final LinearImpl out;

    PostHocGru(int in, int hidden) {
        GRUOptions o = new GRUOptions(in, hidden);
        o.batch_first().put(true);
        gru = register_module("gru", new GRUImpl(o));
        out = register_module("out", new LinearImpl(hidden, 1));
    }

    /** [batch, steps, 1] outputs of every step. */
    Tensor everyStep(Tensor x) {
        return out.forward(gru.forward(x).get0());
    }

    /** [batch] outputs of the last step. */
    Tensor lastStep(Tensor x) {
        Tensor h = gru.forward(x).get0();
        return out.forward(h.select(1, h.size(1) - 1)).view(-1);
    }
}
