package org.jgan.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Every 2-D convolution jgan runs goes through here, so that no configuration reaches a broken kernel.
 *
 * <p>Why: oneDNN 3.7.1, inside libtorch 2.10, corrupts convolution weights when it reorders them into a padded
 * double-blocked layout, which it does when a channel count is not a multiple of its block (16 with AVX-512, 8 with
 * AVX2): backward-data and transposed convolutions then compute wrong values, and with two threads racy ones and NaN
 * (docs/engine.md has the measurements). libtorch offers no per-call switch, and turning oneDNN off for the whole
 * process costs about 2x per DCGAN step. So the route is chosen per configuration: block-aligned configurations
 * ({@link ConvSpec#blockAligned}) keep libtorch's oneDNN kernels; all others take {@link Im2colConvolution}, whose
 * derivatives of every order stay off oneDNN, except that, under autograd, one whose channel counts padded with zeros
 * to the block grow its arithmetic little ({@link ConvSpec#paddable}) takes oneDNN on the padded channels
 * ({@link ConvRoute#PADDED}). Where a gradient will itself be differentiated ({@link Autograd#secondOrder()}: R1, the
 * gradient penalty, path length) the batch size must be a multiple of the block too: libtorch's double backward
 * computes the weight gradient as a convolution whose channels are the batch (measured: 1x1 convolutions at batch 4 off
 * by 30-85% in that gradient); a batch of at least half a block is padded with zero images to the next multiple
 * instead of leaving oneDNN. First derivatives do not depend on the batch that way, so they keep any batch. The
 * image-facing layers (1 or 3 channels) are the unaligned ones and also the cheapest, so the speed of the wide layers
 * is kept.
 *
 * <p>Proof, not trust: the first time a configuration meets an input shape in this process (or on this CPU, see
 * {@link ConvCheckCache}), it is checked against float64 ({@link ConvCheck}). A configuration oneDNN fails moves to
 * the reference path; if that fails too, the call throws {@link NumericsException} naming the configuration, unless
 * checks were turned off knowingly ({@link #setChecks}). Float64 inputs never reach oneDNN and are not checked.
 *
 * <p>Under {@link Precision#BFLOAT16} (the calling thread's setting) oneDNN's routes compute in bfloat16 and are checked
 * so; a configuration that fails there keeps its route in float32. im2col and second-order uses stay float32.
 */
public final class Convolutions {
    private static final Map<Key, Entry> ROUTES = new ConcurrentHashMap<>();
    private static volatile boolean checks = !"off".equalsIgnoreCase(
            System.getProperty("jgan.convolution.checks", System.getenv().getOrDefault("JGAN_CONVOLUTION_CHECKS", "")));
    private static volatile boolean proven = "proven".equalsIgnoreCase(
            System.getProperty("jgan.convolution.route", System.getenv().getOrDefault("JGAN_CONVOLUTION_ROUTE", "")));

    /**
     * One configuration at one input size, its route and what its check found.
     *
     * @param spec     the configuration
     * @param input    N x C x H x W of the check's input (N capped at {@link #FORWARD_CHECK_BATCH} for forward-only)
     * @param use      what autograd will take of it (the forward only, first derivatives, or second ones too), which
     *                 its check covers
     * @param route    the route taken
     * @param result   the check of that route, null when checks are off
     * @param note     why the route differs from the rule's, or ""
     * @param precision what the route computes in ({@link Precision#BFLOAT16} only on oneDNN's routes)
     */
    public record Entry(ConvSpec spec, long[] input, ConvUse use, ConvRoute route, ConvCheck.Result result,
                        String note, Precision precision) {
        /** Whether the route serves autograd (first or second order). */
        public boolean training() {
            return use != ConvUse.FORWARD;
        }
    }

    /**
     * The largest batch of a forward-only check: a forward pass does not depend on the batch size the way a double
     * backward does (see {@link #route}), and float64 is slow.
     */
    public static final long FORWARD_CHECK_BATCH = 16;

    private Convolutions() {
    }

    /** A square convolution with dilation 1 and one group; {@code bias} may be null. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, long stride, long padding) {
        return conv2d(x, weight, bias, new long[]{stride, stride}, new long[]{padding, padding}, new long[]{1, 1}, 1);
    }

    /** libtorch's {@code conv2d} (weight out x in/groups x kh x kw), routed as this class describes. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
                                long groups) {
        ConvSpec s = new ConvSpec(weight.size(1) * groups, weight.size(0), new long[]{weight.size(2), weight.size(3)},
                stride, padding, dilation, new long[]{0, 0}, groups, false);
        return run(x, weight, bias, s);
    }

    /** A square transposed convolution with dilation 1 and one group; {@code bias} may be null. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, long stride, long padding,
                                         long outputPadding) {
        return convTranspose2d(x, weight, bias, new long[]{stride, stride}, new long[]{padding, padding},
                new long[]{outputPadding, outputPadding}, 1, new long[]{1, 1});
    }

    /** libtorch's {@code conv_transpose2d} (weight in x out/groups x kh x kw), routed as this class describes. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, long[] stride, long[] padding,
                                         long[] outputPadding, long groups, long[] dilation) {
        ConvSpec s = new ConvSpec(weight.size(0), weight.size(1) * groups, new long[]{weight.size(2), weight.size(3)},
                stride, padding, dilation, outputPadding, groups, true);
        return run(x, weight, bias, s);
    }

    private static Tensor run(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        if (x.dim() != 4 || x.size(1) != s.in()) {
            throw new IllegalArgumentException(s.key() + " needs an N x " + s.in() + " x H x W input, got "
                    + java.util.Arrays.toString(Tensors.shape(x)));
        }
        if (x.scalar_type().intern() == torch.ScalarType.Double) {
            return ConvRoute.LIBTORCH.apply(x, w, b, s);
        }
        boolean training = GradMode.is_enabled() && (x.requires_grad() || w.requires_grad());
        ConvUse use = !training ? ConvUse.FORWARD : Autograd.inSecondOrder() ? ConvUse.DOUBLE_BACKWARD
                : ConvUse.BACKWARD;
        // Penalties on gradients (R1, the gradient penalty, path length) keep float32: a gradient that is itself
        // differentiated is what mixed-precision training leaves in full precision.
        Precision p = use == ConvUse.DOUBLE_BACKWARD || x.scalar_type().intern() != torch.ScalarType.Float
                ? Precision.FLOAT32 : Precision.current();
        long batch = x.size(0);
        if (use == ConvUse.DOUBLE_BACKWARD && (s.blockAligned() || s.paddable()) && batch % ConvSpec.BLOCK != 0
                && batch >= ConvSpec.BLOCK / 2
                && !(proven && route(s, batch, x.size(2), x.size(3), use, p).route() == ConvRoute.LIBTORCH)) {
            // Zero images up to the next multiple of the block keep the aligned channels on oneDNN: they add nothing
            // to the weight gradient and their outputs are cut off, and the double backward then sees an aligned
            // batch. Measured: a StyleGAN2 step at batch 8 took 3.5-5.2x PyTorch's on the im2col path
            // (docs/results.md); padding the batch costs at most twice the compute (times the channel padding of a
            // padded route). Below half a block, im2col is cheaper.
            long padded = (batch + ConvSpec.BLOCK - 1) / ConvSpec.BLOCK * ConvSpec.BLOCK;
            Tensor xp = torch.constant_pad_nd(x, new long[]{0, 0, 0, 0, 0, 0, 0, padded - batch},
                    new org.bytedeco.pytorch.Scalar(0.0));
            Entry e = route(s, padded, x.size(2), x.size(3), use, p);
            return e.route().apply(xp, w, b, s, e.precision()).narrow(0, 0, batch);
        }
        long n = training ? batch : Math.min(batch, FORWARD_CHECK_BATCH);
        Entry e = route(s, n, x.size(2), x.size(3), use, p);
        return e.route().apply(x, w, b, s, e.precision());
    }

    /**
     * The route of {@code spec} for n x in x h x w inputs, checking it first if this has not been done yet.
     * {@code use} says whether autograd will differentiate it, once or twice; for twice the batch size matters,
     * because libtorch's double backward runs a convolution whose channels are the batch.
     */
    public static Entry route(ConvSpec spec, long n, long h, long w, ConvUse use) {
        return route(spec, n, h, w, use, Precision.FLOAT32);
    }

    /**
     * The route of {@code spec} as {@link #route(ConvSpec, long, long, long, ConvUse)} decides it, for computing in
     * {@code precision}: bfloat16 applies to oneDNN's routes and is checked within {@link ConvCheck#TOLERANCE_BF16};
     * im2col stays float32 (the entry says which it computes in).
     */
    public static Entry route(ConvSpec spec, long n, long h, long w, ConvUse use, Precision precision) {
        Key key = new Key(spec, n, h, w, use, Torch.threads(), precision);
        Entry e = ROUTES.get(key);
        return e != null ? e : ROUTES.computeIfAbsent(key,
                k -> decide(spec, new long[]{n, spec.in(), h, w}, use, precision));
    }

    private static Entry decide(ConvSpec spec, long[] input, ConvUse use, Precision precision) {
        boolean training = use != ConvUse.FORWARD;
        boolean batchFits = use != ConvUse.DOUBLE_BACKWARD || input[0] % ConvSpec.BLOCK == 0;
        boolean aligned = spec.blockAligned() && batchFits;
        // Off the block under autograd, few extra channels are cheaper on oneDNN than the whole layer on im2col: a
        // 3-channel image layer padded to 16 channels (measured on SRGAN and CycleGAN: bench-i2i, docs/engine.md).
        // Forward only, im2col's per-image products were faster where the input is narrow (a 1- or 3-channel image
        // in), so there the rule stands; but a convolution with a narrow output (CycleGAN's and SRGAN's last layers,
        // 32 -> 3) multiplies a few weight rows by the whole unfolded batch, a memory-bound product over a matrix
        // the kernel's area times larger than the input: 8-12 times slower than oneDNN on 16 channels at 64 pixels.
        boolean narrowOut = !spec.transposed() && spec.out() < ConvSpec.BLOCK;
        boolean padded = !aligned && (training || narrowOut) && spec.paddable() && batchFits;
        ConvRoute rule = aligned ? ConvRoute.LIBTORCH : padded ? ConvRoute.PADDED : ConvRoute.IM2COL;
        Precision p = rule == ConvRoute.IM2COL ? Precision.FLOAT32 : precision;
        if (!checks) {
            return new Entry(spec, input, use, rule, null, "checks off", p);
        }
        String refused = "";
        if (!aligned && proven && training) {
            // Opted in: oneDNN off the block where it passes the check on this CPU. The check runs the float32 path
            // three times and needs equal bits (the bug's two-thread race) and float64's values (its one-thread
            // error); on the Zen 5 the race passed it 1 time in 10, so a CPU where the canary shows the bug keeps
            // the rule above; on a Xeon of model 207 every such configuration passed.
            // Training only: without autograd, im2col's per-image products were faster (DCGAN's generation at
            // batch 1000: 1,186-1,436 img/s with oneDNN against 1,615-1,745), and no batch needs padding there.
            if (!OneDnnCanary.result().ok()) {
                refused = "proven routes refused: oneDNN's padded-reorder bug shows on this CPU";
            } else {
                ConvCheck.Result r = ConvCheckCache.check(spec, ConvRoute.LIBTORCH, input, use, precision);
                if (r.ok()) {
                    return new Entry(spec, input, use, ConvRoute.LIBTORCH, r, "off the block; oneDNN passed its "
                            + "check on this CPU (route: proven)", precision);
                }
            }
        }
        ConvCheck.Result r = ConvCheckCache.check(spec, rule, input, use, p);
        if (r.ok()) {
            return new Entry(spec, input, use, rule, r, refused, p);
        }
        if (p != Precision.FLOAT32) {
            // oneDNN's bfloat16 kernels are other code than its float32 ones, with bugs of their own (measured on the
            // Zen 5: the depthwise stride-2 4x4 convolution's backward-data all wrong, docs/engine.md); the same
            // route in float32 keeps the layer on oneDNN
            ConvCheck.Result r32 = ConvCheckCache.check(spec, rule, input, use, Precision.FLOAT32);
            if (r32.ok()) {
                return new Entry(spec, input, use, rule, r32, "oneDNN failed its check in " + p.label() + " ("
                        + r.what() + "); float32 here", Precision.FLOAT32);
            }
        }
        if (rule != ConvRoute.IM2COL) {
            ConvCheck.Result ref = ConvCheckCache.check(spec, ConvRoute.IM2COL, input, use, Precision.FLOAT32);
            if (ref.ok()) {
                return new Entry(spec, input, use, ConvRoute.IM2COL, ref, "oneDNN failed its check: " + r.what(),
                        Precision.FLOAT32);
            }
        }
        throw new NumericsException("the " + spec.key() + " convolution on " + input[0] + "x" + input[1] + "x"
                + input[2] + "x" + input[3] + " inputs failed its float64 check on this CPU (" + r.what()
                + "); refusing to compute with it. Set the system property jgan.convolution.checks=off (or "
                + "JGAN_CONVOLUTION_CHECKS=off) only if you accept wrong results.", spec);
    }

    /** What a route is decided for: a configuration, an input shape, its use, the thread count and precision. */
    private record Key(ConvSpec spec, long n, long h, long w, ConvUse use, int threads, Precision precision) {
    }

    /**
     * Whether configurations off the block may take oneDNN where it passes its check on this CPU (the system property
     * {@code jgan.convolution.route=proven} or {@code JGAN_CONVOLUTION_ROUTE=proven}; default off, the block rule).
     * Applies to configurations not routed yet. The speed it gives back and the risk it takes: docs/engine.md.
     */
    public static void setProvenRoutes(boolean on) {
        proven = on;
    }

    /**
     * Why proven routes fall back to the block rule on this CPU, or "" where they do not: the canary configurations
     * that show oneDNN's padded-reorder bug wherever it exists (checked on first call, at the current thread count).
     */
    public static String provenRoutesRefused() {
        ConvCheck.Result r = OneDnnCanary.result();
        return r.ok() ? "" : "oneDNN's padded-reorder bug shows (" + r.what() + ")";
    }

    /** Whether proven routes are on ({@link #setProvenRoutes}). */
    public static boolean provenRoutes() {
        return proven;
    }

    /** Turns the checks on or off for configurations not seen yet; off means trusting the block rule alone. */
    public static void setChecks(boolean on) {
        checks = on;
    }

    /** Every configuration routed so far in this process, sorted by configuration and input size. */
    public static List<Entry> routes() {
        List<Entry> all = new ArrayList<>(ROUTES.values());
        all.sort(Comparator.comparing((Entry e) -> e.spec().key()).thenComparingLong(e -> e.input()[2])
                .thenComparingLong(e -> e.input()[0]));
        return all;
    }
}
