package org.jgan.models.dcgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * Both forwards write the dense layer's maps channels-last; that they are the layer's maps as defined is checked too.
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

    @Test
    void theDenseLayerWritesTheMapsOfItsWeightsRowOrderChannelsLast() {
        // W's rows stay in c0 x h0 x w0 order (checkpoints written before the reordered product load unchanged); the
        // product must give exactly the maps of z W^T + b viewed as N x c0 x h0 x w0 (b: one value per channel, as
        // the folded batch norm's shift), only laid out channels-last
        Torch.init(2);
        torch.manual_seed(6);
        try (DcganGenerator g = new DcganGenerator(100, 16, new DataShape(1, 28, 28, 0));
             StepScope scope = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            Tensor w = g.named_parameters(true).get("fc.weight");
            Tensor z = torch.randn(8, 100);
            Tensor b = torch.randn(64);
            for (Tensor bias : new Tensor[]{null, b}) {
                Tensor maps = g.maps(z, w, bias);
                Tensor definition = (bias == null ? torch.linear(z, w)
                        : torch.linear(z, w, bias.view(64, 1).expand(64, 49).reshape(-1))).view(-1, 64, 7, 7);
                assertArrayEquals(new long[]{8, 64, 7, 7}, maps.sizes().vec().get());
                assertTrue(maps.is_contiguous(torch.MemoryFormat.ChannelsLast), "channels-last");
                double err = maps.sub(definition).abs().max().item_double();
                assertTrue(err <= 1e-5, "maps off by " + err + (bias == null ? "" : " with a bias"));
            }
        }
    }
}
