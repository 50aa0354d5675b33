package org.jgan.models.cgan;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.models.dcgan.DcganDiscriminator;

/**
 * A DCGAN discriminator that uses class labels in one of two ways:
 * <ul>
 *   <li>projection (Miyato and Koyama 2018): logit = psi(phi(x)) + embed(y) . phi(x), so D judges whether x is a
 *       real image <em>of class y</em>;</li>
 *   <li>acgan (Odena et al. 2017): an auxiliary head classifies phi(x); the output is [N, 1 + K], the adversarial
 *       logit first.</li>
 * </ul>
 */
public final class ConditionalDiscriminator extends DcganDiscriminator {
    private final EmbeddingImpl embed;
    private final LinearImpl classes;

    public ConditionalDiscriminator(TrainConfig config, DataShape shape, long seed) {
        super(config, shape, seed);
        boolean projection = config.model().condition().equals("projection");
        embed = projection ? register_module("embed", new EmbeddingImpl(shape.numClasses(), featureDim())) : null;
        classes = projection ? null : register_module("classes", Layers.linear(featureDim(), shape.numClasses(),
                true));
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor phi = features(x);
        Tensor logit = head(phi);
        if (embed != null) {
            // inner product of the class embedding with the features
            return logit.add(embed.forward(labels).mul(phi).sum(new long[]{1}));
        }
        return torch.cat(new TensorVector(logit.unsqueeze(1), classes.forward(phi)), 1);
    }
}
