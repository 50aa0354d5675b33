package org.jgan.engine;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * The two ways jgan computes a convolution. {@link #LIBTORCH} is libtorch's own dispatch, which sends float32
 * convolutions to oneDNN (and float64 ones to its native loops, the reference of {@link ConvCheck});
 * {@link #IM2COL} is {@link Im2colConvolution}, which never touches oneDNN.
 */
public enum ConvRoute {
    /** libtorch's convolution: oneDNN for float32. */
    LIBTORCH("oneDNN"),
    /** Unfold + matrix product on OpenBLAS. */
    IM2COL("im2col");

    private final String label;

    ConvRoute(String label) {
        this.label = label;
    }

    /** The name printed by {@code jgan doctor}. */
    public String label() {
        return label;
    }

    Tensor apply(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        if (this == IM2COL) {
            return s.transposed() ? Im2colConvolution.transposed(x, w, b, s) : Im2colConvolution.forward(x, w, b, s);
        }
        TensorOptional bias = b == null ? new TensorOptional() : new TensorOptional(b);
        return s.transposed()
                ? torch.conv_transpose2d(x, w, bias, s.stride(), s.padding(), s.outputPadding(), s.groups(),
                        s.dilation())
                : torch.conv2d(x, w, bias, s.stride(), s.padding(), s.dilation(), s.groups());
    }
}
