package org.jgan.models.mocogan;

import org.bytedeco.pytorch.GRUCellImpl;
import org.bytedeco.pytorch.GRUCellOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.Layers;

/**
 * MoCoGAN's motion path (Tulyakov et al. 2018): a GRU unrolled over the frames writes one motion code per frame. It
 * starts from a state made of the latent's motion seed and reads the seed at every frame (MoCoGAN reads fresh noise;
 * here a clip is a function of its latent alone, so a seed names a clip).
 */
final class MotionCodes {
    private final int frames;
    private final LinearImpl startState;
    private final GRUCellImpl gru;

    /** Builds the layers as sub-modules of {@code owner} ("motionStart", "motion"), so its checkpoints hold them. */
    MotionCodes(Module owner, int seedDim, int motionDim, int frames) {
        this.frames = frames;
        startState = owner.register_module("motionStart", Layers.linear(seedDim, motionDim, true));
        gru = owner.register_module("motion", new GRUCellImpl(new GRUCellOptions(seedDim, motionDim)));
    }

    /** The motion codes of motion seeds {@code seed} (N x seedDim): N x T x motionDim. */
    Tensor forward(Tensor seed) {
        Tensor h = torch.tanh(startState.forward(seed));
        TensorVector codes = new TensorVector();
        for (int t = 0; t < frames; t++) {
            h = gru.forward(seed, h);
            codes.push_back(h);
        }
        return torch.stack(codes, 1);
    }
}
