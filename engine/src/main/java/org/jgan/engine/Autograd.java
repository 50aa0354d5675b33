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
    private Autograd() {
    }

    /**
     * d(sum of outputs)/d(inputs), one tensor per input. Outputs that are not scalars get a gradient of ones, as
     * {@code torch.autograd.grad(outputs.sum(), inputs)} would.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, boolean createGraph) {
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
