package org.jgan.models.text2image;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.StepContext;

/**
 * The losses of {@code text2image.wordsHead} and {@code text2image.twinWeight}: GAN-CLS's wrong captions (Reed et al.
 * 2016) train D's {@link WordsHead} (instead of its verdict when {@code text2image.matchingAware} is off), and
 * TAC-GAN's twin (Gong et al. 2019) learns the same on the fakes. Why apart: mixed into the verdict, real images with
 * wrong captions make D's best verdict the ratio of the real pairs to the fakes and the wrong pairs together, which
 * also rewards an image for fitting its caption better than other captions; a generator climbing that overshoots the
 * words (measured on Fashion-MNIST's textures, docs/results.md). Results belong to the current step's scope.
 */
final class WordsTerms {
    private WordsTerms() {
    }

    /**
     * D's loss: its verdict on real images with their captions against fakes (and, with {@code matching}, against the
     * real images with other images' captions, GAN-CLS's verdict), plus the words head's logistic loss on
     * the same real images with their own captions against other images' captions (rows whose wrong caption equals
     * their own word for word are left out) and, with {@code twin}, the twin's on the fakes the same way.
     */
    static Tensor discriminatorLoss(StepContext ctx, boolean matching, boolean twin) {
        TextDiscriminator d = (TextDiscriminator) ctx.players().discriminator();
        Tensor tokens = ctx.condition();
        Tensor e = d.textEncoder().encode(tokens);
        Tensor phiReal = d.features(ctx.augment(ctx.real()));
        Tensor phiFake = d.features(ctx.augment(ctx.fake().detach()));
        Tensor realLogits = d.verdict(phiReal, e);
        Tensor fakeLogits = d.verdict(phiFake, e);
        Tensor wrong = GanCls.wrongCaptions(tokens, Seeds.derive(ctx.config().seed(), "wrong-captions", ctx.step()));
        Tensor keep = GanCls.differs(tokens, wrong).nonzero().view(-1);
        boolean any = keep.size(0) > 0;
        Tensor eWrong = any ? d.textEncoder().encode(wrong.index_select(0, keep)) : null;
        Tensor phiWrong = any ? phiReal.index_select(0, keep) : null;
        Tensor fakes = matching && any
                ? torch.cat(new TensorVector(fakeLogits, d.verdict(phiWrong, eWrong)), 0) : fakeLogits;
        Tensor loss = ctx.loss().discriminator(realLogits, fakes);
        ctx.report("Loss/D", loss);
        ctx.report("D/real_score", realLogits.detach().sigmoid().mean());
        ctx.report("D/fake_score", fakeLogits.detach().sigmoid().mean());
        if (!any) {
            return loss;
        }
        Tensor wrongLogits = d.words(phiWrong, eWrong);
        Tensor words = WordsHead.loss(d.words(phiReal, e), wrongLogits);
        ctx.report("Loss/D/words", words);
        ctx.report("D/words_wrong_score", wrongLogits.detach().sigmoid().mean());
        loss = loss.add(words);
        if (twin) {
            Tensor t = WordsHead.loss(d.twin(phiFake, e), d.twin(phiFake.index_select(0, keep), eWrong));
            ctx.report("Loss/D/twin", t);
            loss = loss.add(t);
        }
        return loss;
    }

    /**
     * G's adversarial loss on D's verdict plus {@code weight} times the twin term: the mean over the fakes of the
     * twin's logit minus the words head's, so G raises how well its images fit their captions by the real images'
     * measure only as far as that exceeds their fit by the fakes' own (TAC-GAN's classifier minus its twin).
     */
    static Tensor generatorLoss(StepContext ctx, double weight) {
        TextDiscriminator d = (TextDiscriminator) ctx.players().discriminator();
        Tensor e = d.textEncoder().encode(ctx.condition());
        Tensor phi = d.features(ctx.augment(ctx.fake()));
        Tensor loss = ctx.loss().generator(d.verdict(phi, e));
        ctx.report("Loss/G", loss);
        Tensor twin = d.twin(phi, e).sub(d.words(phi, e)).mean();
        ctx.report("Loss/G/twin", twin);
        return loss.add(twin.mul(new Scalar(weight)));
    }
}
