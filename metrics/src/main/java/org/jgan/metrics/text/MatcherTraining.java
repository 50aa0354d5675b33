package org.jgan.metrics.text;

import java.util.function.Consumer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.Batches;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.core.nn.Contrastive;
import org.jgan.core.train.Seeds;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Trains an {@link ImageTextMatcher} on real image-caption pairs with the symmetric contrastive loss of CLIP
 * ({@link Contrastive}; Radford et al. 2021; AttnGAN's DAMSM sentence loss, Xu et al. 2018, is the same in spirit): in a batch, each image must pick
 * its own caption among the batch's captions and each caption its own image. Adam, fixed temperature.
 *
 * @param epochs passes over the pairs
 * @param batch  pairs per step (also the number of candidates each pair is told apart from)
 * @param lr     Adam's learning rate
 * @param seed   seeds the weights and the batch order
 */
public record MatcherTraining(int epochs, int batch, double lr, long seed) {
    /** Words kept per caption. */
    static final int MAX_WORDS = 16;

    /** 3 epochs, batches of 128, learning rate 1e-3. */
    public static MatcherTraining defaults() {
        return new MatcherTraining(3, 128, 1e-3, 1);
    }

    /** A matcher trained on {@code pairs}, with a vocabulary of their captions' words. */
    public ImageTextMatcher train(CaptionedImages pairs, Consumer<String> log) {
        Tokenizer tok = Tokenizer.build(pairs.texts(), MAX_WORDS);
        int[][] ids = tok.encodeAll(pairs.texts());
        torch.manual_seed(Seeds.derive(seed, "matcher-init", 0));
        var images = pairs.images();
        ImageTextMatcher m = new ImageTextMatcher(tok, images.channels(), images.height(), images.width(),
                Seeds.derive(seed, "matcher-text", 0));
        Adam opt = Optimizers.adam(m.parameters(true), lr, 0.9, 0.999);
        try {
            Batches batches = new Batches(images, Math.min(batch, images.size()), true,
                    Seeds.derive(seed, "matcher-data", 0));
            m.train(true);
            for (int e = 0; e < epochs; e++) {
                int[] order = batches.order(e);
                double sum = 0;
                for (int b = 0; b < batches.batchesPerEpoch(); b++) {
                    try (StepScope s = StepScope.open()) {
                        int[] idx = batches.indices(order, b);
                        Tensor loss = loss(m, Batches.images(images, idx), Tensors.fromRows(ids, idx));
                        opt.zero_grad(true);
                        loss.backward();
                        opt.step();
                        sum += loss.item_double();
                    }
                }
                log.accept(String.format("image-text matcher: epoch %d/%d  contrastive loss %.4f", e + 1, epochs,
                        sum / batches.batchesPerEpoch()));
            }
            m.eval();
            return m;
        } catch (RuntimeException ex) {
            m.close();
            throw ex;
        } finally {
            opt.close();
        }
    }

    /** The symmetric cross-entropy of the batch's image-caption score matrix against its diagonal. */
    static Tensor loss(ImageTextMatcher m, Tensor x, Tensor tokens) {
        return Contrastive.symmetricLoss(m.images(x), m.texts(tokens), Contrastive.TEMPERATURE);
    }
}
