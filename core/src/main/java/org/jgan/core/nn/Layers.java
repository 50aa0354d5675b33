package org.jgan.core.nn;

import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LinearOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Opts;

/**
 * Builders for the layers GANs are made of. All multi-value options go through {@link Opts#set}, never
 * {@code LongPointer.put(a, b)} (which is put(index, value)).
 */
public final class Layers {
    private Layers() {
    }

    /** 2-D convolution with a square kernel, stride and padding, libtorch's default initialisation. */
    public static ConvLayer conv(long in, long out, long kernel, long stride, long padding, boolean bias) {
        Conv2dOptions o = new Conv2dOptions(in, out, Opts.of(kernel, kernel));
        Opts.set(o.stride(), stride, stride);
        o.padding().put(Opts.of(padding, padding));
        o.bias().put(bias);
        return new ConvLayer(new Conv2dImpl(o), stride, padding);
    }

    /** Transposed convolution; output size = (in - 1) * stride - 2 * padding + kernel + outputPadding. */
    public static ConvLayer convT(long in, long out, long kernel, long stride, long padding, long outputPadding,
                                  boolean bias) {
        ConvTranspose2dOptions o = new ConvTranspose2dOptions(in, out, Opts.of(kernel, kernel));
        Opts.set(o.stride(), stride, stride);
        Opts.set(o.padding(), padding, padding);
        Opts.set(o.output_padding(), outputPadding, outputPadding);
        o.bias().put(bias);
        return new ConvLayer(new ConvTranspose2dImpl(o), stride, padding, outputPadding);
    }

    public static LinearImpl linear(long in, long out, boolean bias) {
        LinearOptions o = new LinearOptions(in, out);
        o.bias().put(bias);
        return new LinearImpl(o);
    }

    public static BatchNorm2dImpl bn2d(long features) {
        return new BatchNorm2dImpl(new BatchNormOptions(features));
    }

    public static BatchNorm1dImpl bn1d(long features) {
        return new BatchNorm1dImpl(new BatchNormOptions(features));
    }

    /**
     * The DCGAN initialisation (Radford et al. 2015): weights of convolutions and linear layers from N(0, 0.02),
     * batch-norm scales from N(1, 0.02), all biases zero. Batch-norm scales are told apart as the 1-D "weight"s.
     */
    public static void dcganInit(Module m, long seed) {
        Generator gen = torch.createCPUGenerator(seed);
        try (NoGradGuard g = new NoGradGuard()) {
            StringTensorDict params = m.named_parameters(true);
            for (long i = 0; i < params.size(); i++) {
                String name = params.get(i).key().getString();
                Tensor p = params.get(i).value();
                if (name.endsWith("bias")) {
                    p.zero_();
                } else if (p.dim() == 1) {
                    p.normal_(1.0, 0.02, new GeneratorOptional(gen));
                } else {
                    p.normal_(0.0, 0.02, new GeneratorOptional(gen));
                }
            }
        }
    }

    /**
     * The weight (in x out x 4 x 4) of the transposed convolution with stride 2 and padding 1 that computes what a 3x3
     * convolution with padding 1 and weight {@code w} (out x in x 3 x 3) computes on {@link #doubled} inputs: the
     * resize-convolution of Odena et al. 2016 at the cost of the transposed convolution, without the doubled map.
     * Per axis, an even output pixel 2i reads x[i - 1] with tap w0 and x[i] with w1 + w2, an odd one 2i + 1 reads
     * x[i] with w0 + w1 and x[i + 1] with w2, so the four transposed taps are [w2, w1 + w2, w0 + w1, w0]: A w A^T with
     * A the 4 x 3 matrix below. Differentiable in {@code w}, so training steps the 3x3 weight itself.
     */
    public static Tensor doubledConvAsTransposed(Tensor w) {
        Tensor a = org.jgan.engine.Tensors.fromFloats(new float[]{0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0}, 4, 3)
                .to(w.scalar_type());
        return a.matmul(w).matmul(a.t()).transpose(0, 1);
    }

    /** {@code x} (N x C x H x W) at twice the side, each pixel repeated 2x2 (nearest-neighbour upsampling). */
    public static Tensor doubled(Tensor x) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        return x.unsqueeze(3).unsqueeze(5).expand(new long[]{n, c, h, 2, w, 2}).reshape(n, c, 2 * h, 2 * w);
    }
}
