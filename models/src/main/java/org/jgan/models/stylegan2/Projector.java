package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.StyleGenerator;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;

/**
 * Projection of an image into W (Karras et al. 2020, section 5): the single w whose image is closest to a target,
 * found by gradient descent from the mean w. The paper measures closeness with LPIPS, which needs a pretrained VGG that
 * jgan does not ship; this uses the pixel MSE at full and half resolution (the half-resolution term weighs overall
 * shape above texture). The generator's weights stay frozen; this is an inference tool, not training, so it runs its
 * own small optimisation loop over w alone. {@code g} must be a {@link GanNet}.
 */
public final class Projector {
    /** The projected w (1 x wDim), its image and the final full-resolution MSE. */
    public record Result(Tensor w, Tensor image, double mse, double initialMse) {
    }

    private Projector() {
    }

    /**
     * Projects {@code target} (1 x C x H x W in [-1, 1], the generator's output size) with {@code steps} Adam steps
     * at learning rate {@code lr} (decayed to 0 along a cosine). The returned tensors belong to the caller's scope.
     */
    public static Result project(StyleGenerator g, Tensor target, int steps, double lr) {
        GanNet net = (GanNet) g;
        net.eval();
        TensorVector params = net.parameters(true);
        for (long i = 0; i < params.size(); i++) {
            params.get(i).set_requires_grad(false);
        }
        Tensor w = g.meanW().detach().clone().view(1, -1);
        w.set_requires_grad(true);
        Adam opt = Optimizers.adam(new TensorVector(w), lr, 0.9, 0.999);
        double initial = Double.NaN;
        try {
            for (int i = 0; i < steps; i++) {
                try (StepScope s = StepScope.open()) {
                    Optimizers.setLr(opt, lr * 0.5 * (1 + Math.cos(Math.PI * i / steps)));
                    opt.zero_grad(true);
                    Tensor loss = distance(g.synthesis(broadcast(w, g.numWs())), target);
                    if (i == 0) {
                        initial = loss.item_double();
                    }
                    loss.backward();
                    opt.step();
                }
            }
        } finally {
            opt.close();
        }
        try (NoGradGuard ng = new NoGradGuard()) {
            Tensor wf = w.detach().clone();
            Tensor img = g.synthesis(broadcast(wf, g.numWs()));
            double mse = img.sub(target).square().mean().item_double();
            return new Result(wf, img, mse, Double.isNaN(initial) ? mse : initial);
        }
    }

    /** MSE at full resolution plus MSE of the 2x2-averaged images. */
    static Tensor distance(Tensor img, Tensor target) {
        Tensor full = img.sub(target).square().mean();
        if (img.size(2) < 8) {
            return full;
        }
        Tensor a = torch.avg_pool2d(img, new long[]{2, 2});
        Tensor b = torch.avg_pool2d(target, new long[]{2, 2});
        return full.add(a.sub(b).square().mean().mul(new Scalar(1.0)));
    }

    private static Tensor broadcast(Tensor w, int numWs) {
        return w.unsqueeze(1).expand(-1, numWs, -1);
    }
}
