package org.jgan.models.mocogan;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * MoCoGAN's generator (Tulyakov et al. 2018, "MoCoGAN: Decomposing Motion and Content for Video Generation"): a
 * latent splits into a content code, the same for every frame of a clip, and a motion seed; a GRU unrolled over the
 * frames turns the motion seed into one motion code per frame; an image generator (DCGAN's, Radford et al. 2015) draws
 * each frame from [content, motion code of that frame, one-hot class]. Output: N x C x T x H x W in [-1, 1].
 *
 * <p>Why the motion comes from the latent and not from fresh noise at every frame (MoCoGAN's epsilon_t): a clip is
 * then a function of its latent alone, so a seed names a clip as it names an image, and sampling, interpolation and
 * the fixed sample view work unchanged. The GRU still writes a motion code per frame, starting from a state made of the
 * motion seed, which is what lets the motion change direction (a bounce) mid-clip.
 */
public final class VideoGenerator extends GanNet {
    private final int frames;
    private final int contentDim;
    private final int motionDim;
    private final long classes;
    private final long c0;
    private final long s0;
    private final MotionCodes motion;
    private final LinearImpl fc;
    private final BatchNorm2dImpl bn0;
    private final ConvLayer[] ups = new ConvLayer[3];
    private final BatchNorm2dImpl[] bns = new BatchNorm2dImpl[2];

    /**
     * @param latentDim the latent's size: {@code contentDim} of content, the rest seeds the motion
     * @param width     channels of the last hidden layer; the first has 4x as many
     * @param classes   0 for an unconditional generator, else the number of classes
     */
    public VideoGenerator(int latentDim, int width, int channels, int frames, int size, long classes,
                          MoCoGanConfig cfg) {
        if (size % 8 != 0 || size < 32 || size > 128) {
            throw new ConfigException("the video generator draws square frames whose side is a multiple of 8 from 32 "
                    + "to 128 pixels, got " + size);
        }
        this.frames = frames;
        this.contentDim = cfg.contentDim();
        this.motionDim = cfg.motionDim();
        this.classes = classes;
        int seedDim = latentDim - contentDim;
        motion = new MotionCodes(this, seedDim, motionDim, frames);
        c0 = 4L * width;
        s0 = size / 8;
        long in = contentDim + motionDim + classes;
        // No biases before batch norm: BN's shift makes them redundant.
        fc = register_module("fc", Layers.linear(in, c0 * s0 * s0, false));
        bn0 = register_module("bn0", Layers.bn2d(c0));
        ups[0] = register_module("up1", Layers.convT(c0, 2L * width, 4, 2, 1, 0, false));
        bns[0] = register_module("bn1", Layers.bn2d(2L * width));
        ups[1] = register_module("up2", Layers.convT(2L * width, width, 4, 2, 1, 0, false));
        bns[1] = register_module("bn2", Layers.bn2d(width));
        ups[2] = register_module("up3", Layers.convT(width, channels, 4, 2, 1, 0, true));
    }

    public int frames() {
        return frames;
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (classes > 0 && labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (one class index per latent)");
        }
        long n = z.size(0);
        Tensor content = z.narrow(1, 0, contentDim);
        Tensor seed = z.narrow(1, contentDim, z.size(1) - contentDim);
        // The GRU reads the motion seed at every frame and carries its state: motion codes N x T x motionDim.
        Tensor m = motion.forward(seed);
        Tensor c = content.unsqueeze(1).expand(new long[]{n, frames, contentDim});
        TensorVector parts = new TensorVector(c, m);
        if (classes > 0) {
            Tensor oneHot = torch.one_hot(labels, classes).to(z.scalar_type());
            parts.push_back(oneHot.unsqueeze(1).expand(new long[]{n, frames, classes}));
        }
        Tensor perFrame = torch.cat(parts, 2).reshape(n * frames, -1);
        Tensor x = bn0.forward(fc.forward(perFrame).view(-1, c0, s0, s0)).relu();
        x = bns[0].forward(ups[0].forward(x)).relu();
        x = bns[1].forward(ups[1].forward(x)).relu();
        x = torch.tanh(ups[2].forward(x));
        // N*T x C x H x W -> N x C x T x H x W
        return x.view(n, frames, x.size(1), x.size(2), x.size(3)).permute(0, 2, 1, 3, 4).contiguous();
    }
}
