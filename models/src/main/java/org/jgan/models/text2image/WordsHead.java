package org.jgan.models.text2image;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.Layers;

/**
 * Whether an image fits its caption, read off D's features apart from D's verdict ({@code text2image.wordsHead}): the
 * logit {@code P(e) . phi(x) + v . e + b}, a projection of the caption onto the features (Miyato and Koyama 2018) and
 * a term for how often a caption is the right one. Trained as a logistic classifier of images with their own captions
 * against the same images with other images' captions (GAN-CLS's wrong captions, Reed et al. 2016), its logit
 * estimates log q(c | x) / q(c): how much better the image fits its caption than captions at large. Kept out of the
 * verdict, that ratio no longer enters what G climbs. TAC-GAN's twin (Gong et al. 2019) is a second such head trained
 * on the fakes; G climbing the first and descending the twin moves how well fakes fit their captions towards how well
 * real images fit theirs.
 */
final class WordsHead extends Module {
    private final LinearImpl project;
    private final LinearImpl prior;

    /** For D's features of {@code featureDim} and sentence embeddings of {@code embedDim}. */
    WordsHead(long featureDim, long embedDim) {
        project = register_module("project", Layers.linear(embedDim, featureDim, false));
        prior = register_module("prior", Layers.linear(embedDim, 1, true));
    }

    /** The logit that image i fits caption i, N, for features N x featureDim and embeddings N x embedDim. */
    Tensor forward(Tensor phi, Tensor e) {
        return project.forward(e).mul(phi).sum(new long[]{1}).add(prior.forward(e).view(-1));
    }

    /**
     * The logistic loss of such a classifier: -log sigmoid of the matching pairs' logits and -log(1 - sigmoid) of the
     * wrong pairs', each averaged over its own rows, so the two kinds weigh the same whatever their counts.
     */
    static Tensor loss(Tensor matching, Tensor wrong) {
        return torch.softplus(matching.neg()).mean().add(torch.softplus(wrong).mean());
    }
}
