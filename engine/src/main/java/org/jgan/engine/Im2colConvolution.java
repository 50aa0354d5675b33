package org.jgan.engine;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Convolution as unfold + matrix product ("im2col", Chellapilla et al. 2006), the path {@link Convolutions} takes
 * for configurations oneDNN must not compute. Every derivative of it, to any order, is again im2col, col2im or a
 * matrix product on OpenBLAS, so forward, backward and the double backward of R1 and the gradient penalty never
 * reach oneDNN's convolution kernels.
 */
final class Im2colConvolution {
    private Im2colConvolution() {
    }

    /** y = conv(x, w) + b; x is N x in x H x W, w is out x in/groups x kh x kw, b may be null. */
    static Tensor forward(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        long n = x.size(0);
        long[] o = s.outputSize(x.size(2), x.size(3));
        long g = s.groups();
        long l = o[0] * o[1];
        // N x (in kh kw) x L
        Tensor cols = torch.im2col(x, s.kernel(), s.dilation(), s.padding(), s.stride());
        Tensor y;
        Tensor wt = g == 1 ? w.reshape(s.out(), -1).t() : null;                         // (in kh kw) x out
        if (g == 1 && !org.bytedeco.pytorch.GradMode.is_enabled()) {
            // inference (sampling, evaluation, often at large batches): one product per image straight from im2col's
            // layout (the single GEMM below needs the columns transposed first, a copy of the whole unfolded batch).
            // Each image's columns are read transposed, L x (in kh kw), which BLAS takes as they lie, so the rows of
            // the result are pixels: the map comes out channels-last for the oneDNN layer after it (an out x L product
            // gave NCHW maps, which that layer copied; SRGAN's generator then copied at every residual block)
            y = torch.bmm(cols.transpose(1, 2), wt.expand(n, wt.size(0), wt.size(1)));
            if (b != null) {
                y.add_(b);
            }
            return Tensors.channelsLastMaps(y, n, o[0], o[1]);
        } else if (g == 1) {
            // one GEMM over the whole batch, NL x (in kh kw) times (in kh kw) x out, rather than N small ones: several
            // times faster. Its rows are pixels and its columns channels, so the result is the map in channels-last
            // order as it stands: the layer after it (on oneDNN, which works channels-last) needs no copy, and none
            // is made here either (an out x NL product had to be transposed into NCHW)
            Tensor pixels = cols.transpose(1, 2).reshape(n * l, -1);
            y = b == null ? pixels.mm(wt) : torch.addmm(b, pixels, wt);
            return Tensors.channelsLastMaps(y, n, o[0], o[1]);
        } else {
            y = w.reshape(g, s.out() / g, -1).matmul(cols.view(n, g, -1, l)).reshape(n, s.out(), o[0], o[1]);
        }
        return b == null ? y : y.add(b.view(1, -1, 1, 1));
    }

    /** y = conv_transpose(x, w) + b; w is in x out/groups x kh x kw, as libtorch stores it. */
    static Tensor transposed(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        long n = x.size(0);
        long hw = x.size(2) * x.size(3);
        long[] o = s.outputSize(x.size(2), x.size(3));
        long g = s.groups();
        // each input pixel spreads w^T x over a kernel-sized patch: N x g x (out/g kh kw) x HW, then col2im sums
        // the overlapping patches (col2im is the adjoint of im2col, as a transposed convolution is of a convolution)
        Tensor cols;
        if (g == 1 && !org.bytedeco.pytorch.GradMode.is_enabled()) {
            // inference, as in forward: at batch 1000 (DCGAN's 128 -> 1 output layer) transposing the input for the
            // single GEMM took 158 ms and the per-image products 37 ms in all (measured with PyTorch's kernels)
            cols = w.reshape(s.in(), -1).t().matmul(x.reshape(n, s.in(), hw));
        } else if (g == 1) {
            // one GEMM over the whole batch, as in forward
            cols = w.reshape(s.in(), -1).t().mm(x.reshape(n, s.in(), hw).transpose(0, 1).reshape(s.in(), n * hw));
            cols = cols.view(-1, n, hw).transpose(0, 1);
        } else {
            cols = w.reshape(g, s.in() / g, -1).transpose(1, 2).matmul(x.reshape(n, g, s.in() / g, hw))
                    .reshape(n, -1, hw);
        }
        Tensor y = torch.col2im(cols, o, s.kernel(), s.dilation(), s.padding(), s.stride());
        return b == null ? y : y.add(b.view(1, -1, 1, 1));
    }
}
