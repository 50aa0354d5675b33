package org.jgan.core.nn;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Spectral normalisation (Miyato et al. 2018): divides a weight by an estimate of its largest singular value, kept
 * by one step of power iteration per training forward. The vector {@code u} is a registered buffer, so it is saved in
 * checkpoints and a resumed run continues the same iteration.
 */
public final class SpectralNorm {
    private final Tensor u;

    /** Registers a buffer "{name}_u" on {@code owner} for a weight whose first dimension has {@code rows} entries. */
    public SpectralNorm(Module owner, String name, long rows, long seed) {
        Tensor init = torch.randn(new long[]{rows}, new GeneratorOptional(torch.createCPUGenerator(seed)));
        // Our own handle to the buffer: register_buffer's returned reference dangles when more are registered.
        this.u = normalize(init);
        owner.register_buffer(name + "_u", u);
    }

    /** W / sigma(W), with W viewed as rows x (everything else); updates u when {@code training}. */
    public Tensor apply(Tensor weight, boolean training) {
        Tensor w = weight.view(weight.size(0), -1);
        if (training) {
            try (NoGradGuard g = new NoGradGuard()) {
                Tensor v = normalize(w.t().matmul(u));
                u.copy_(normalize(w.matmul(v)));
            }
        }
        // A copy of u: the next forward updates u in place, and this graph must not see that change.
        Tensor uc = u.clone();
        Tensor v;
        try (NoGradGuard g = new NoGradGuard()) {
            v = normalize(w.t().matmul(uc));
        }
        // sigma = u^T W v, differentiable through W only, as in Miyato et al.
        Tensor sigma = uc.dot(w.matmul(v));
        return weight.div(sigma);
    }

    private static Tensor normalize(Tensor x) {
        return x.div(x.norm().add(new Scalar(1e-12)));
    }
}
