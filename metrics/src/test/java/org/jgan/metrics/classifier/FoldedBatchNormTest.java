package org.jgan.metrics.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.Test;

/** Without autograd the classifier folds its batch norms into the convolutions; the features must not change. */
class FoldedBatchNormTest {
    @Test
    void foldedFeaturesEqualTheUnfoldedOnesToFloatRounding() {
        Torch.init(2);
        torch.manual_seed(4);
        try (ClassifierNet net = new ClassifierNet(new ClassifierShape(1, 28, 28, 10));
             StepScope scope = StepScope.open()) {
            // running statistics and affine parameters far from their defaults, so a wrong fold shows
            try (NoGradGuard g = new NoGradGuard()) {
                for (int i = 0; i < 3; i++) {
                    net.features(torch.randn(32, 1, 28, 28).mul(new Scalar(2.0)).add(new Scalar(0.5)));
                }
                for (String b : new String[]{"b1", "b2", "b3"}) {
                    Tensor w = net.named_parameters(true).get(b + ".weight");
                    w.copy_(torch.rand(w.size(0)).add(new Scalar(0.5)));
                    Tensor bias = net.named_parameters(true).get(b + ".bias");
                    bias.copy_(torch.randn(bias.size(0)).mul(new Scalar(0.5)));
                }
            }
            net.eval();
            Tensor x = torch.randn(16, 1, 28, 28);
            Tensor unfolded = net.features(x); // autograd on: batch norm as a layer
            Tensor folded;
            try (NoGradGuard g = new NoGradGuard()) {
                folded = net.features(x);
            }
            double scale = unfolded.abs().max().item_double();
            double err = folded.sub(unfolded.detach()).abs().max().item_double();
            assertTrue(scale > 0.1, "features vanished: " + scale);
            assertTrue(err <= 1e-5 * scale, "folded features off by " + err + " of " + scale);
        }
    }
}
