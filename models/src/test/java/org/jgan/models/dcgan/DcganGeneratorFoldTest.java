package org.jgan.models.dcgan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.DataShape;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.Test;

/**
 * Sampling folds the DCGAN generator's batch norms into the linear layer and the transposed convolution before them;
 * the images must be those of the unfolded forward pass up to float32 rounding, with running statistics and affine
 * parameters far enough from their defaults that a wrong fold (wrong channel order, wrong weight dimension) shows.
 */
class DcganGeneratorFoldTest {
    @Test
    void foldedSamplesEqualTheUnfoldedOnes() {
        Torch.init(2);
        torch.manual_seed(5);
        try (DcganGenerator g = new DcganGenerator(100, 16, new DataShape(1, 28, 28, 0));
             StepScope scope = StepScope.open()) {
            try (NoGradGuard ng = new NoGradGuard()) {
                for (int i = 0; i < 3; i++) {
                    g.forward(torch.randn(32, 100).mul(new Scalar(1.5)).add(new Scalar(0.3)), null);
                }
                for (String b : new String[]{"bn0", "bn1"}) {
                    Tensor w = g.named_parameters(true).get(b + ".weight");
                    w.copy_(torch.rand(w.size(0)).add(new Scalar(0.5)));
                    Tensor bias = g.named_parameters(true).get(b + ".bias");
                    bias.copy_(torch.randn(bias.size(0)).mul(new Scalar(0.5)));
                }
            }
            g.eval();
            Tensor z = torch.randn(16, 100);
            Tensor unfolded = g.forward(z, null);  // autograd on: the batch norms run as layers
            Tensor folded;
            try (NoGradGuard ng = new NoGradGuard()) {
                folded = g.forward(z, null);
            }
            double err = folded.sub(unfolded.detach()).abs().max().item_double();
            double spread = unfolded.std().item_double();
            assertTrue(spread > 0.05, "images without contrast: " + spread);
            assertTrue(err <= 1e-5, "folded samples off by " + err);
        }
    }
}
