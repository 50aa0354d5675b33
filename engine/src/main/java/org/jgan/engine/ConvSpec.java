package org.jgan.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One 2-D convolution configuration as libtorch sees it: channels, kernel, stride, padding, dilation, groups and,
 * for a transposed convolution, the output padding. {@link Convolutions} decides per configuration which kernel
 * family may compute it and verifies that choice against float64 ({@link ConvCheck}).
 *
 * @param in            input channels
 * @param out           output channels
 * @param kernel        kernel height and width
 * @param stride        stride (height, width)
 * @param padding       zero padding (height, width)
 * @param dilation      dilation (height, width)
 * @param outputPadding extra rows/columns of a transposed convolution's output (0, 0 for a plain one)
 * @param groups        channel groups (1 for a dense convolution, {@code in} for a depthwise one)
 * @param transposed    whether this is a transposed ("fractionally strided") convolution
 */
public record ConvSpec(long in, long out, long[] kernel, long[] stride, long[] padding, long[] dilation,
                       long[] outputPadding, long groups, boolean transposed) {

    /**
     * The oneDNN block size that must divide every channel count jgan hands to oneDNN: 16 covers AVX-512 (16) and
     * AVX2 (8). oneDNN 3.7.1 (inside libtorch 2.10) pads weights to this block when it reorders them into its
     * double-blocked layouts, and its zero-fill of the padded rows overwrites real taps (docs/engine.md).
     */
    public static final long BLOCK = 16;

    /** How much more arithmetic a padded configuration does than this one at most ({@link #paddable}). */
    public static final double MAX_PADDING_GROWTH = 6;

    public ConvSpec {
        if (in < 1 || out < 1 || groups < 1 || in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("a convolution needs positive channel counts divisible by its "
                    + groups + " groups, got " + in + " -> " + out);
        }
        for (long[] a : new long[][]{kernel, stride, padding, dilation, outputPadding}) {
            if (a.length != 2) {
                throw new IllegalArgumentException("kernel, stride, padding, dilation and output padding take two "
                        + "values (height, width)");
            }
        }
    }

    /**
     * Whether oneDNN can run this configuration without padding any channel dimension of its weights: dense
     * convolutions with both channel counts per group multiples of {@link #BLOCK}, or depthwise ones whose channel
     * count is a multiple of it. Every other configuration takes the reference path.
     */
    public boolean blockAligned() {
        long inG = in / groups;
        long outG = out / groups;
        if (groups == 1 || (inG > 1 || outG > 1)) {
            return inG % BLOCK == 0 && outG % BLOCK == 0;
        }
        return groups % BLOCK == 0;
    }

    /**
     * Whether this configuration may take oneDNN with its channels zero-padded to the block
     * ({@link ConvRoute#PADDED}), one group only, where that is cheaper than the im2col path: when the padded product
     * of channel counts is at most {@link #MAX_PADDING_GROWTH} times the real one (3 -> 64 channels grow 5.3 times),
     * or when im2col would multiply its unfolded columns (the input times the kernel) by fewer channels than a block
     * (a plain convolution's outputs, a transposed one's inputs) while the other side is aligned: that product is a
     * memory-bound matrix-vector one over a large matrix (a PatchGAN's 512 -> 1 logit layer), where 16 times the
     * arithmetic on oneDNN costs less. 1 -> 64 (16 times, and im2col's columns are small there) stays on im2col.
     */
    public boolean paddable() {
        if (groups != 1 || blockAligned()) {
            return false;
        }
        long narrow = transposed ? in : out;
        long wide = transposed ? out : in;
        return (double) roundUp(in) * roundUp(out) <= MAX_PADDING_GROWTH * in * out
                || narrow < BLOCK && wide % BLOCK == 0;
    }

    /** This configuration with {@code in} and {@code out} channels rounded up to the block (one group). */
    public ConvSpec padded() {
        return new ConvSpec(roundUp(in), roundUp(out), kernel, stride, padding, dilation, outputPadding, groups,
                transposed);
    }

    /** {@code n} rounded up to a multiple of {@link #BLOCK}. */
    public static long roundUp(long n) {
        return (n + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The weight's shape in libtorch's layout: out x in/groups x kh x kw, or in x out/groups x kh x kw transposed. */
    public long[] weightShape() {
        return transposed ? new long[]{in, out / groups, kernel[0], kernel[1]}
                : new long[]{out, in / groups, kernel[0], kernel[1]};
    }

    /** Output height and width for an input of {@code h} x {@code w}. */
    public long[] outputSize(long h, long w) {
        return new long[]{outputSize(h, 0), outputSize(w, 1)};
    }

    private long outputSize(long size, int d) {
        long span = dilation[d] * (kernel[d] - 1);
        return transposed ? (size - 1) * stride[d] - 2 * padding[d] + span + outputPadding[d] + 1
                : (size + 2 * padding[d] - span - 1) / stride[d] + 1;
    }

    /** A short, stable text for messages and the check cache, e.g. {@code convT 128->1 k4x4 s2x2 p1x1 d1x1 op0x0 g1}. */
    public String key() {
        return (transposed ? "convT " : "conv ") + in + "->" + out + " k" + pair(kernel) + " s" + pair(stride)
                + " p" + pair(padding) + " d" + pair(dilation) + " op" + pair(outputPadding) + " g" + groups;
    }

    private static String pair(long[] v) {
        return v[0] + "x" + v[1];
    }

    // Records compare arrays by identity; these compare their contents (and build no string: this runs per call).
    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec s && in == s.in && out == s.out && groups == s.groups
                && transposed == s.transposed && Arrays.equals(kernel, s.kernel) && Arrays.equals(stride, s.stride)
                && Arrays.equals(padding, s.padding) && Arrays.equals(dilation, s.dilation)
                && Arrays.equals(outputPadding, s.outputPadding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(in, out, groups, transposed, Arrays.hashCode(kernel), Arrays.hashCode(stride),
                Arrays.hashCode(padding), Arrays.hashCode(dilation), Arrays.hashCode(outputPadding));
    }

    @Override
    public String toString() {
        return key();
    }
}
