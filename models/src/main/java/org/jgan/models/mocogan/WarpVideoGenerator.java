package org.jgan.models.mocogan;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * A MoCoGAN generator (Tulyakov et al. 2018) whose motion moves the content rather than redraws it: the content code
 * (with the class) is drawn once per clip into a full-size canvas by DCGAN's layers (Radford et al. 2015); a GRU turns
 * the motion seed into one motion code per frame, as in MoCoGAN; each motion code is a velocity of a warp of the
 * canvas (a spatial transformer, Jaderberg et al. 2015: shift, bounded scale and turn), the pose at a frame the
 * sum of the velocities before it, and (unless {@code mocogan.shade=false}) a bounded gain and offset per channel
 * (fades, flicker, lighting). Output:
 * N x C x T x H x W in [-1, 1]. Motion that bends a shape (a walking figure) is beyond it: {@link VideoGenerator}
 * draws every frame anew.
 *
 * <p>Why: with every frame drawn from [content, motion code] ({@link VideoGenerator}), moving a garment means
 * redrawing it elsewhere, and on moving Fashion-MNIST the garments changed shape from frame to frame and dissolved in
 * the late frames (the discriminators won: D's loss 0.13 at step 1,500; docs/results.md). Here the content cannot
 * change with time, and a translation is two numbers. The warps start at the identity (their layer starts at zero),
 * so the first clips stand still and motion is learnt. What comes in from outside the canvas is black: with zeros it
 * was grey (tanh(0)), and repeating the canvas's border drew streaks wherever the garment touched it.
 *
 * <p>Bouncing ({@code mocogan.generator=bounce}): the canvas is drawn at two thirds of the frame (32 pixels for 48,
 * DCGAN's size for a garment) and its shift is the running sum of velocities folded back at the walls (a triangle
 * wave), so a constant velocity crosses the frame and bounces as a ball does. With the shift through tanh, as in
 * {@code warp}, garments slowed down wherever they neared a wall and never bounced: 1.2 pixels a frame against
 * real 2.0 (docs/results.md). The travel allowed is what a garment of 7/8 of the canvas has in the frame (10
 * pixels either way for 48).
 *
 * <p>Resizing ({@code mocogan.upsample=resize}) doubles the canvas and then convolves (Odena et al. 2016) instead
 * of the transposed convolutions, whose garments show a grid texture. Measured, it is not better: over 3,000 steps
 * it drew thinner, speckled garments, with more content consistency at one discriminator rate and less at the
 * other (docs/results.md), so the transposed layers stay the default.
 *
 * <p>Why no per-frame network after the warp: a small 1x1 network on every full-size frame made the step 4x slower
 * than {@link VideoGenerator}'s on 2 cores (memory traffic of 32 channels at 48x48 for 256 frames).
 */
public final class WarpVideoGenerator extends GanNet {
    /** Minus the logit that comes in from outside the canvas: tanh(-3) = -0.995, black. */
    private static final double BACKGROUND = 3.0;
    private final int frames;
    private final int contentDim;
    private final long classes;
    private final long c0;
    private final long s0;
    private final long size;
    /** Side of the canvas in pixels: the frame's, or two thirds of it when bouncing. */
    private final long canvasSize;
    /** How far the canvas's centre may travel from the frame's, in half-frames; 0 for tanh-bounded shifts. */
    private final double travel;
    private final MotionCodes motion;
    private final LinearImpl warp;
    private final LinearImpl start;
    /** The per-frame gain and offset, or null when frames are not shaded ({@code mocogan.shade=false}). */
    private final LinearImpl shade;
    private final long channels;
    private final LinearImpl fc;
    private final BatchNorm2dImpl bn0;
    private final ConvLayer[] ups = new ConvLayer[3];
    private final BatchNorm2dImpl[] bns = new BatchNorm2dImpl[2];
    /** Whether the canvas doubles by nearest-neighbour resizing before each 3x3 convolution. */
    private final boolean resize;
    /** Whether sampling (eval mode) moves the canvas by whole pixels only, without scale or turn. */
    private final boolean wholePixels;

    /** Arguments as {@link VideoGenerator}'s. */
    public WarpVideoGenerator(int latentDim, int width, int channels, int frames, int size, long classes,
                              MoCoGanConfig cfg) {
        if (size % 8 != 0 || size < 32 || size > 128) {
            throw new ConfigException("the video generator draws square frames whose side is a multiple of 8 from 32 "
                    + "to 128 pixels, got " + size);
        }
        this.frames = frames;
        this.contentDim = cfg.contentDim();
        this.classes = classes;
        this.size = size;
        boolean bounce = cfg.generator().equals("bounce");
        canvasSize = bounce ? size * 2 / 3 / 8 * 8 : size;
        travel = bounce ? (size - canvasSize * 7.0 / 8) / size : 0;
        int seedDim = latentDim - contentDim;
        int motionDim = cfg.motionDim();
        motion = new MotionCodes(this, seedDim, motionDim, frames);
        warp = register_module("warp", Layers.linear(motionDim, 4, true));
        start = register_module("start", Layers.linear(seedDim, 4, true));
        shade = cfg.shade() ? register_module("shade", Layers.linear(motionDim, 2L * channels, true)) : null;
        this.channels = channels;
        c0 = 4L * width;
        s0 = canvasSize / 8;
        fc = register_module("fc", Layers.linear(contentDim + classes, c0 * s0 * s0, false));
        bn0 = register_module("bn0", Layers.bn2d(c0));
        resize = cfg.upsample().equals("resize");
        wholePixels = cfg.placement().equals("pixel");
        ups[0] = register_module("up1", grow(c0, 2L * width, false));
        bns[0] = register_module("bn1", Layers.bn2d(2L * width));
        ups[1] = register_module("up2", grow(2L * width, width, false));
        bns[1] = register_module("bn2", Layers.bn2d(width));
        ups[2] = register_module("up3", grow(width, channels, true));
    }

    /**
     * Zeroes the warp and shading layers so that every clip starts as its content standing still, unshaded; call
     * after initialising.
     */
    public void startStill() {
        try (var g = new org.bytedeco.pytorch.NoGradGuard()) {
            for (LinearImpl l : new LinearImpl[]{warp, start, shade}) {
                if (l != null) {  // shade: absent when frames are not shaded
                    l.weight().zero_();
                    l.bias().zero_();
                }
            }
        }
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (classes > 0 && labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (one class index per latent)");
        }
        long n = z.size(0);
        Tensor content = z.narrow(1, 0, contentDim);
        if (classes > 0) {
            content = torch.cat(new TensorVector(content, torch.one_hot(labels, classes).to(z.scalar_type())), 1);
        }
        Tensor canvas = bn0.forward(fc.forward(content).view(-1, c0, s0, s0)).relu();
        canvas = bns[0].forward(up(0, canvas)).relu();
        canvas = bns[1].forward(up(1, canvas)).relu();
        canvas = up(2, canvas);  // N x C x H x W, before tanh, drawn once per clip
        Tensor seed = z.narrow(1, contentDim, z.size(1) - contentDim);
        Tensor m = motion.forward(seed);  // N x T x motionDim
        // Each motion code is a velocity (shift, scale and turn per frame, at most 0.2 of them), the pose the start
        // plus the velocities so far: a constant code moves at constant speed, as things do between bounces. A GRU
        // asked for poses directly had to learn to integrate, and in 1,000 steps its clips barely moved.
        Tensor velocity = torch.tanh(warp.forward(m)).mul(new Scalar(0.2));
        Tensor moves = torch.cumsum(velocity, 1).narrow(1, 0, frames - 1);
        Tensor pose = torch.cat(new TensorVector(torch.zeros_like(velocity.narrow(1, 0, 1)), moves), 1)
                .add(start.forward(seed).unsqueeze(1));
        pose = pose.reshape(n * frames, 4);
        Tensor shift = travel > 0 ? fold(pose.narrow(1, 0, 2), travel) : torch.tanh(pose.narrow(1, 0, 2));
        Tensor scaleTurn = pose.narrow(1, 2, 2);
        if (wholePixels && !is_training()) {
            // sampling only: training keeps the sub-pixel warp, whose gradients D and G learn motion by (rounding
            // with straight-through gradients while training drew garments a video network scored 4x farther off)
            shift = wholePixels(shift, size);
            scaleTurn = torch.zeros_like(scaleTurn);
        }
        Tensor theta = similarity(shift, scaleTurn);
        if (canvasSize != size) {
            // the canvas covers canvasSize/size of the frame: frame coordinates to canvas ones
            theta = theta.mul(new Scalar((double) size / canvasSize));
        }
        Tensor perFrame = canvas.unsqueeze(1).expand(new long[]{n, frames, channels, canvasSize, canvasSize})
                .reshape(n * frames, channels, canvasSize, canvasSize);
        Tensor grid = torch.affine_grid_generator(theta, new long[]{n * frames, channels, size, size}, false);
        // bilinear; outside the canvas a logit of -BACKGROUND (black after tanh) comes in
        Tensor moved = torch.grid_sampler(perFrame.add(new Scalar(BACKGROUND)), grid, 0, 0, false)
                .sub(new Scalar(BACKGROUND));
        if (shade == null) {
            return clips(torch.tanh(moved), n);
        }
        // gain 1 +- 0.5 and offset +- 0.5 on the canvas's logits: shading, never an inverted or erased frame
        Tensor ab = torch.tanh(shade.forward(m.reshape(n * frames, -1))).mul(new Scalar(0.5))
                .view(-1, 2 * channels, 1, 1);
        Tensor x = torch.tanh(moved.mul(ab.narrow(1, 0, channels).add(new Scalar(1.0))).add(ab.narrow(1, channels,
                channels)));
        return clips(x, n);
    }

    /** Frames N*T x C x H x W as clips N x C x T x H x W. */
    private Tensor clips(Tensor x, long n) {
        return x.view(n, frames, channels, size, size).permute(0, 2, 1, 3, 4).contiguous();
    }

    /**
     * Shifts (in half-frames) rounded to whole pixels of a frame of {@code size}, any gradient passed straight
     * through the rounding (Bengio et al. 2013). At a whole-pixel shift, unscaled and unturned, the bilinear sampler
     * copies canvas pixels exactly (the canvas's pixel grid sits on the frame's: one canvas pixel is one frame pixel),
     * so a clip shows the same garment in every frame, where sub-pixel shifts blur it differently from frame to
     * frame: the real clips' garments sit on whole pixels, and the frame classifier changed its mind between blurs.
     */
    static Tensor wholePixels(Tensor shift, long size) {
        Scalar perUnit = new Scalar(size / 2.0);
        Tensor snapped = torch.round(shift.mul(perUnit)).div(perUnit);
        return shift.add(snapped.sub(shift).detach());
    }

    /** A layer that doubles the canvas's side: a 3x3 convolution after resizing, or a stride-2 transposed one. */
    private ConvLayer grow(long in, long out, boolean bias) {
        return resize ? Layers.conv(in, out, 3, 1, 1, bias) : Layers.convT(in, out, 4, 2, 1, 0, bias);
    }

    /** The canvas through growth layer {@code i}. */
    private Tensor up(int i, Tensor canvas) {
        return ups[i].forward(resize ? Layers.doubled(canvas) : canvas);
    }

    /**
     * Positions {@code x} folded into [-r, r] as a ball bouncing between walls at +-r moves: a triangle wave of
     * slope +-1, r - |((x + r) mod 4r) - 2r|.
     */
    static Tensor fold(Tensor x, double r) {
        return torch.remainder(x.add(new Scalar(r)), new Scalar(4 * r)).sub(new Scalar(2 * r)).abs().neg()
                .add(new Scalar(r));
    }

    /**
     * The warps of shifts (N x 2, in units of half the frame) and of (log-scale, angle) poses (N x 2, each through
     * tanh: a scale within e^(+-0.2) and a turn within +-0.3 rad) per frame: N x 2 x 3. Bounded because a free affine
     * matrix let G stretch and shear the canvas into streaks within 750 steps.
     */
    static Tensor similarity(Tensor shift, Tensor scaleTurn) {
        Tensor b = torch.tanh(scaleTurn);
        Tensor scale = b.narrow(1, 0, 1).mul(new Scalar(0.2)).exp();
        Tensor angle = b.narrow(1, 1, 1).mul(new Scalar(0.3));
        Tensor cos = angle.cos().mul(scale);
        Tensor sin = angle.sin().mul(scale);
        Tensor row0 = torch.cat(new TensorVector(cos, sin.neg(), shift.narrow(1, 0, 1)), 1);
        Tensor row1 = torch.cat(new TensorVector(sin, cos, shift.narrow(1, 1, 1)), 1);
        return torch.stack(new TensorVector(row0, row1), 1);
    }
}
