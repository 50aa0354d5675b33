package org.jgan.engine;

import org.bytedeco.pytorch.AutoGradMode;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Checks one convolution configuration on one route against float64, the parts its use needs ({@link ConvUse}): the
 * forward pass; for autograd also backward-data and backward-weights; for second-order gradients also the three
 * gradients of the double backward that R1 and the gradient penalty need; each
 * within {@link #TOLERANCE} of the float64 result (relative to its largest element), and bit-identical over
 * {@link #REPEATS} runs at the current thread count (a race shows up as results that change from run to run).
 */
public final class ConvCheck {
    /** Largest error allowed, relative to the largest element of the float64 result. */
    public static final double TOLERANCE = 1e-4;
    /**
     * The same for {@link Precision#BFLOAT16}, whose inputs carry 8 bits of mantissa: measured errors 3.2e-3 to
     * 5.4e-3 on the presets' configurations (docs/engine.md); oneDNN's padded-reorder bug is off by 30% and more, or
     * NaN.
     */
    public static final double TOLERANCE_BF16 = 3e-2;
    /** Float32 runs that must agree bit for bit. */
    static final int REPEATS = 3;
    private static final String[] PARTS = {"forward", "backward-data", "backward-weights",
        "double-backward (input)", "double-backward (weights)", "double-backward (output gradient)"};

    /**
     * What a check found.
     *
     * @param ok    whether every part was within tolerance and stable
     * @param error the largest relative error over the parts
     * @param what  the first failing part and how it failed, or "" when ok
     */
    public record Result(boolean ok, double error, String what) {
    }

    private ConvCheck() {
    }

    /**
     * Checks {@code spec} on {@code route} for an input of n x in x h x w: every part when {@code backward}, else the
     * forward pass only (what sampling and evaluation run, without autograd).
     */
    public static Result run(ConvSpec spec, ConvRoute route, long n, long h, long w, boolean backward) {
        return run(spec, route, n, h, w, backward ? ConvUse.DOUBLE_BACKWARD : ConvUse.FORWARD);
    }

    /** Checks {@code spec} on {@code route} for an input of n x in x h x w, the parts that {@code use} needs. */
    public static Result run(ConvSpec spec, ConvRoute route, long n, long h, long w, ConvUse use) {
        return run(spec, route, n, h, w, use, Precision.FLOAT32);
    }

    /**
     * Checks {@code spec} on {@code route} computing in {@code precision} (within {@link #TOLERANCE_BF16} for
     * bfloat16), for an input of n x in x h x w, the parts that {@code use} needs.
     */
    public static Result run(ConvSpec spec, ConvRoute route, long n, long h, long w, ConvUse use,
                             Precision precision) {
        Torch.ensureLoaded();
        double tolerance = precision == Precision.BFLOAT16 ? TOLERANCE_BF16 : TOLERANCE;
        try (StepScope scope = StepScope.open(); AutoGradMode grad = new AutoGradMode(true)) {
            Tensor[] data = inputs(spec, n, h, w);
            Tensor[] ref = parts(spec, ConvRoute.LIBTORCH, data, torch.ScalarType.Double, use, Precision.FLOAT32);
            Tensor[] first = parts(spec, route, data, torch.ScalarType.Float, use, precision);
            double worst = 0;
            for (int r = 1; r < REPEATS; r++) {
                Tensor[] again = parts(spec, route, data, torch.ScalarType.Float, use, precision);
                for (int i = 0; i < first.length; i++) {
                    if (!torch.equal(first[i], again[i])) {
                        return new Result(false, Double.NaN, PARTS[i] + " changed between runs (a race)");
                    }
                }
            }
            for (int i = 0; i < first.length; i++) {
                double scale = ref[i].abs().max().item_double();
                double err = first[i].to(torch.ScalarType.Double).sub(ref[i]).abs().max().item_double()
                        / Math.max(scale, 1e-30);
                if (!(err <= tolerance)) {
                    return new Result(false, err, String.format("%s is off by %.3g of its largest value", PARTS[i],
                            err));
                }
                worst = Math.max(worst, err);
            }
            return new Result(true, worst, "");
        }
    }

    /** x, w, b, the output gradient and the two directions the double backward is taken along, in float64. */
    private static Tensor[] inputs(ConvSpec s, long n, long h, long w) {
        Generator gen = torch.createCPUGenerator(1234);
        TensorOptions f64 = new TensorOptions(torch.ScalarType.Double);
        long[] wShape = s.weightShape();
        long[] o = s.outputSize(h, w);
        long[] xShape = {n, s.in(), h, w};
        long[][] shapes = {xShape, wShape, {s.out()}, {n, s.out(), o[0], o[1]}, xShape, wShape};
        Tensor[] t = new Tensor[shapes.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = torch.randn(shapes[i], new GeneratorOptional(gen), f64);
        }
        return t;
    }

    /** y, dL/dx, dL/dw for L = sum(y g), then the gradients of sum(dL/dx hx) + sum(dL/dw hw) wrt x, w and g. */
    private static Tensor[] parts(ConvSpec s, ConvRoute route, Tensor[] d, torch.ScalarType type, ConvUse use,
                                  Precision precision) {
        if (use == ConvUse.FORWARD) {
            return new Tensor[]{route.apply(d[0].to(type), d[1].to(type), d[2].to(type), s, precision).detach()};
        }
        Tensor x = d[0].to(type).set_requires_grad(true);
        Tensor w = d[1].to(type).set_requires_grad(true);
        Tensor g = d[3].to(type).set_requires_grad(true);
        Tensor y = route.apply(x, w, d[2].to(type), s, precision);
        Tensor[] first = grad(new Tensor[]{y}, new Tensor[]{x, w}, new Tensor[]{g}, use == ConvUse.DOUBLE_BACKWARD);
        if (use == ConvUse.BACKWARD) {
            return new Tensor[]{y.detach(), first[0].detach(), first[1].detach()};
        }
        Tensor second = first[0].mul(d[4].to(type)).sum().add(first[1].mul(d[5].to(type)).sum());
        Tensor[] again = grad(new Tensor[]{second}, new Tensor[]{x, w, g}, new Tensor[]{torch.ones_like(second)},
                false);
        return new Tensor[]{y.detach(), first[0].detach(), first[1].detach(), again[0], again[1], again[2]};
    }

    private static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] seeds, boolean createGraph) {
        TensorVector g = torch.grad(new TensorVector(outputs), new TensorVector(inputs), new TensorVector(seeds),
                new BoolOptional(createGraph), createGraph, true);
        Tensor[] out = g.get();
        for (int i = 0; i < out.length; i++) {
            if (!out[i].defined()) {
                // allow_unused: a part that does not depend on this input has a zero gradient
                out[i] = torch.zeros_like(inputs[i]);
            }
        }
        return out;
    }
}
