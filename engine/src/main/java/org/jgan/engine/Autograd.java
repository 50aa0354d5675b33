package org.jgan.engine;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Gradients of outputs with respect to chosen inputs, libtorch's {@code torch::autograd::grad}. With
 * {@code createGraph} the result is differentiable again, which the gradient penalty (Gulrajani et al. 2017) and R1
 * (Mescheder et al. 2018) need: their loss contains a gradient and is itself back-propagated.
 */
public final class Autograd {
    private static final ThreadLocal<int[]> SECOND_ORDER = ThreadLocal.withInitial(() -> new int[1]);

    private Autograd() {
    }

    /**
     * Marks the convolutions made on this thread until it is closed as ones whose derivatives will be differentiated
     * again, so {@link Convolutions} routes them for the double backward ({@link ConvUse#DOUBLE_BACKWARD}). Open it
     * before the forward pass whose gradient is taken with {@code createGraph}; scopes nest.
     */
    public static Scope secondOrder() {
        int[] depth = SECOND_ORDER.get();
        depth[0]++;
        boolean[] closed = {false};
        // closing twice must not end an enclosing scope
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                depth[0]--;
            }
        };
    }

    /** Whether this thread is inside {@link #secondOrder()}. */
    public static boolean inSecondOrder() {
        return SECOND_ORDER.get()[0] > 0;
    }

    /** A {@link #secondOrder()} scope; closing it throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * d(sum of outputs)/d(inputs), one tensor per input. Outputs that are not scalars get a gradient of ones, as
     * {@code torch.autograd.grad(outputs.sum(), inputs)} would. With {@code createGraph}, call it inside
     * {@link #secondOrder()} opened before the forward pass.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, boolean createGraph) {
        if (createGraph && !inSecondOrder()) {
            // Convolutions routed for first derivatives only may sit on kernels whose double backward is wrong for
            // some batch sizes on some CPUs (docs/engine.md); the forward pass must have been marked.
            throw new IllegalStateException("a gradient with createGraph must be taken inside Autograd.secondOrder(),"
                    + " opened before the forward pass it differentiates");
        }
        TensorVector out = new TensorVector(outputs);
        TensorVector in = new TensorVector(inputs);
        TensorVector seeds = new TensorVector();
        for (Tensor o : outputs) {
            seeds.push_back(torch.ones_like(o));
        }
        TensorVector g = torch.grad(out, in, seeds, new BoolOptional(createGraph), createGraph, false);
        return g.get();
    }

    /** Single-output, single-input form of {@link #grad(Tensor[], Tensor[], boolean)}. */
    public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
        return grad(new Tensor[]{output}, new Tensor[]{input}, createGraph)[0];
    }
}
