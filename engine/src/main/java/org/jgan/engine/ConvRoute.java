package org.jgan.engine;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * The three ways jgan computes a convolution. {@link #LIBTORCH} is libtorch's own dispatch, which sends float32
 * convolutions to oneDNN (and float64 ones to its native loops, the reference of {@link ConvCheck});
 * {@link #IM2COL} is {@link Im2colConvolution}, which never touches oneDNN; {@link #PADDED} is libtorch's on channel
 * counts zero-padded to oneDNN's block. PADDED's output is a narrowed view (not contiguous) when the output channels
 * were padded; callers that need {@code view} must make it contiguous first.
 */
public enum ConvRoute {
    /** libtorch's convolution: oneDNN for float32. */
    LIBTORCH("oneDNN"),
    /** Unfold + matrix product on OpenBLAS. */
    IM2COL("im2col"),
    /**
     * libtorch's convolution on weights and inputs zero-padded to channel counts that are multiples of the block, the
     * output cut back: oneDNN then never pads (the step it gets wrong), and the zero channels add nothing.
     */
    PADDED("oneDNN+pad");

    private final String label;

    ConvRoute(String label) {
        this.label = label;
    }

    /** The name printed by {@code jgan doctor}. */
    public String label() {
        return label;
    }

    Tensor apply(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        return apply(x, w, b, s, Precision.FLOAT32);
    }

    /**
     * The convolution on this route; with {@link Precision#BFLOAT16} oneDNN's routes round float32 inputs, weights and
     * bias to bfloat16 and return float32 (im2col and float64 ignore it).
     */
    Tensor apply(Tensor x, Tensor w, Tensor b, ConvSpec s, Precision precision) {
        if (this == PADDED) {
            ConvSpec p = s.padded();
            long dIn = p.in() - s.in();
            long dOut = p.out() - s.out();
            // constant_pad_nd pads the last dimension first: {W, W, H, H, dim 1, dim 1, dim 0, dim 0}
            Tensor xp = dIn == 0 ? x : pad(x, new long[]{0, 0, 0, 0, 0, dIn});
            Tensor wp = pad(w, s.transposed() ? new long[]{0, 0, 0, 0, 0, dOut, 0, dIn}
                    : new long[]{0, 0, 0, 0, 0, dIn, 0, dOut});
            Tensor bp = b == null ? null : pad(b, new long[]{0, dOut});
            Tensor y = LIBTORCH.apply(xp, wp, bp, p, precision);
            return dOut == 0 ? y : y.narrow(1, 0, s.out());
        }
        if (this == IM2COL) {
            return s.transposed() ? Im2colConvolution.transposed(x, w, b, s) : Im2colConvolution.forward(x, w, b, s);
        }
        boolean bf16 = precision == Precision.BFLOAT16 && x.scalar_type().intern() == torch.ScalarType.Float;
        if (bf16) {
            // rounded before the layout copy, which then moves half the bytes; autograd rounds the output's gradient
            // the same way on the way back and returns float32 gradients to x, w and b
            x = x.to(torch.ScalarType.BFloat16);
            w = w.to(torch.ScalarType.BFloat16);
            b = b == null ? null : b.to(torch.ScalarType.BFloat16);
        }
        if (x.scalar_type().intern() != torch.ScalarType.Double) {
            // oneDNN works in channels-last layouts; handed NCHW maps, libtorch 2.10 reorders them in and out around
            // every convolution. Measured on the Xeon of model 207: DCGAN generation 1,950-1,980 -> 2,990-3,340
            // images/s, a StyleGAN2 step 390-480 -> 340-430 ms (docs/engine.md). The output keeps the layout, so the
            // next layer's input is channels-last already; float64 (the checks' reference) stays as it is.
            x = x.contiguous(torch.MemoryFormat.ChannelsLast);
        }
        TensorOptional bias = b == null ? new TensorOptional() : new TensorOptional(b);
        Tensor y = s.transposed()
                ? torch.conv_transpose2d(x, w, bias, s.stride(), s.padding(), s.outputPadding(), s.groups(),
                        s.dilation())
                : torch.conv2d(x, w, bias, s.stride(), s.padding(), s.dilation(), s.groups());
        return bf16 ? y.to(torch.ScalarType.Float) : y;
    }

    private static Tensor pad(Tensor t, long[] pad) {
        return torch.constant_pad_nd(t, pad, new org.bytedeco.pytorch.Scalar(0.0));
    }
}
