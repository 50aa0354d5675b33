package org.jgan.models.ctgan;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.SpanKind;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * CTGAN's generator (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN", section 4.4): z and the
 * conditional vector through two residual layers (each adds ReLU(BN(FC(h))) to what it read, by concatenation), then
 * one linear layer to the row vector. A continuous value's place in its mode comes out through tanh; every one-hot
 * (mode, category, present/missing) comes out as raw logits, so that the training step can apply the Gumbel-softmax
 * with its own random draws and the condition's cross-entropy can read the logits ({@link TableActivations}).
 */
public final class CtganGenerator extends GanNet {
    private final List<LinearImpl> fcs = new ArrayList<>();
    private final List<BatchNorm1dImpl> bns = new ArrayList<>();
    private final LinearImpl out;
    /** 1 where a span is a value (tanh), 0 where it is a one-hot's logit. */
    private final float[] tanhMask;
    private final List<OutputSpan> spans;

    public CtganGenerator(int latentDim, int condWidth, int width, List<OutputSpan> spans) {
        this.spans = List.copyOf(spans);
        int in = latentDim + condWidth;
        for (int i = 0; i < 2; i++) {
            fcs.add(register_module("fc" + i, Layers.linear(in, width, true)));
            bns.add(register_module("bn" + i, Layers.bn1d(width)));
            in += width;
        }
        int rowWidth = spans.get(spans.size() - 1).end();
        out = register_module("out", Layers.linear(in, rowWidth, true));
        tanhMask = new float[rowWidth];
        for (OutputSpan s : spans) {
            if (s.kind() == SpanKind.TANH) {
                tanhMask[s.start()] = 1f;
            }
        }
    }

    /** The row vector's layout this generator writes. */
    public List<OutputSpan> spans() {
        return spans;
    }

    @Override
    public Tensor forward(Tensor z, Tensor condition) {
        if (condition == null) {
            throw new ConfigException("a CTGAN generator needs a conditional vector with every latent");
        }
        Tensor h = torch.cat(new TensorVector(z, condition), 1);
        for (int i = 0; i < fcs.size(); i++) {
            Tensor r = torch.relu(bns.get(i).forward(fcs.get(i).forward(h)));
            h = torch.cat(new TensorVector(r, h), 1);
        }
        Tensor raw = out.forward(h);
        // tanh where the span is a value, the logits untouched elsewhere
        Tensor mask = org.jgan.engine.Tensors.fromFloats(tanhMask, 1, tanhMask.length).to(raw.scalar_type());
        Tensor keep = mask.neg().add(new org.bytedeco.pytorch.Scalar(1.0));
        return raw.tanh().mul(mask).add(raw.mul(keep));
    }
}
