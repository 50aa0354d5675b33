package org.jgan.models.timegan;

import org.bytedeco.pytorch.GRUImpl;
import org.bytedeco.pytorch.GRUOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * One of TimeGAN's five networks (Yoon et al. 2019): a stacked GRU over the steps of a window, then a linear map per
 * step, through a sigmoid for the latent and data spaces (both live in [0, 1]) or as raw logits for the
 * discriminator. Input and output are [batch, steps, features].
 */
public final class SeriesNet extends GanNet {
    private final GRUImpl gru;
    private final LinearImpl out;
    private final boolean sigmoid;

    public SeriesNet(int in, int hidden, int layers, int outDim, boolean sigmoid) {
        GRUOptions o = new GRUOptions(in, hidden);
        o.num_layers().put(layers);
        o.batch_first().put(true);
        gru = register_module("gru", new GRUImpl(o));
        out = register_module("out", Layers.linear(hidden, outDim, true));
        this.sigmoid = sigmoid;
    }

    @Override
    public Tensor forward(Tensor x, Tensor unused) {
        Tensor y = out.forward(gru.forward(x).get0());
        return sigmoid ? y.sigmoid() : y;
    }
}
