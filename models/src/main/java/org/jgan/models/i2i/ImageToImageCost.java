package org.jgan.models.i2i;

import org.jgan.models.cyclegan.ResnetGenerator;
import org.jgan.models.srgan.SrDiscriminator;

/**
 * What a training step of the image-to-image variants costs in floating-point operations, counted from the
 * architectures as jgan builds them (Pix2Pix, Isola et al. 2017: {@link UNetGenerator} and {@link PatchDiscriminator};
 * CycleGAN, Zhu et al. 2017: two {@link ResnetGenerator}s and two PatchGANs; SRGAN, Ledig et al. 2017: SRResNet and
 * {@link SrDiscriminator}), so the cost of a run at another image size can be predicted before it starts. It counts
 * the multiply-adds of every convolution, transposed convolution and dense layer of one forward pass, two FLOP each;
 * normalisation, activations, padding, losses and the optimizer are memory traffic and left out.
 *
 * <p>Passes per step, as the training loop runs them (a backward pass costs twice its forward; Kaplan et al. 2020):
 * Pix2Pix and SRGAN: G forward once (shared by both phases) and backward (3 g); D on real and fake with both
 * backwards (6 d); D on the fake in G's phase, backward to its input only (2 d). CycleGAN: six generator passes with
 * backward (fake B, fake A, the two cycles, the two identity mappings: 18 g); four discriminator passes with backward
 * in D's phase (12 d) and two to the input in G's (4 d). Square images of a side that needs no padding (a power of
 * two for Pix2Pix, a multiple of 4 for the others) are assumed.
 */
public final class ImageToImageCost {
    private ImageToImageCost() {
    }

    /** Multiply-adds of the U-Net for one {@code side} x {@code side} image. */
    public static double unetMacs(int side, int in, int out, int width) {
        int depth = UNetGenerator.depth(side);
        double macs = 0;
        for (int i = 0; i < depth; i++) {
            double cIn = i == 0 ? in : ch(width, i - 1);
            double c = ch(width, i);
            double px = sq(side >> (i + 1));  // level i's output pixels, also its transposed conv's input pixels
            macs += px * 16 * cIn * c;
            double upIn = i == depth - 1 ? c : 2 * c;
            macs += px * 16 * upIn * (i == 0 ? out : ch(width, i - 1));
        }
        return macs;
    }

    /** Multiply-adds of the PatchGAN with {@code layers} stride-2 layers for one image. */
    public static double patchMacs(int side, int in, int width, int layers) {
        double macs = 0;
        double prev = in;
        int s = side;
        for (int n = 0; n <= layers + 1; n++) {
            double out = n == layers + 1 ? 1 : ch(width, n);
            s = n < layers ? s / 2 : s - 1;  // 4x4, padding 1: stride 2 halves an even side, stride 1 takes one off
            macs += sq(s) * 16 * prev * out;
            prev = out;
        }
        return macs;
    }

    /** Multiply-adds of CycleGAN's ResNet generator for one image. */
    public static double resnetMacs(int side, int in, int out, int width, int blocks) {
        double w = width;
        double full = sq(side);
        double half = sq(side / 2);
        double quarter = sq(side / 4);
        return full * 49 * in * w + half * 9 * w * 2 * w + quarter * 9 * 2 * w * 4 * w
                + blocks * 2 * quarter * 9 * 16 * w * w
                + quarter * 9 * 4 * w * 2 * w + half * 9 * 2 * w * w + full * 49 * w * out;
    }

    /** Multiply-adds of SRResNet for one image upscaled to {@code side} by {@code scale}. */
    public static double srResNetMacs(int side, int channels, int width, int blocks, int scale) {
        double w = width;
        int low = side / scale;
        double macs = sq(low) * 81 * channels * w + (2.0 * blocks + 1) * sq(low) * 9 * w * w;
        for (int s = low; s < side; s *= 2) {
            macs += sq(s) * 9 * w * 4 * w;  // the conv before each pixel shuffle runs at the smaller side
        }
        return macs + sq(side) * 81 * w * channels;
    }

    /** Multiply-adds of SRGAN's discriminator for one image. */
    public static double srDiscriminatorMacs(int side, int channels, int width) {
        double macs = 0;
        double prev = channels;
        int s = side;
        for (int i = 0; i < 8; i++) {
            double out = (double) width * (1 << (i / 2));
            s = i % 2 == 1 ? (s + 1) / 2 : s;
            macs += sq(s) * 9 * prev * out;
            prev = out;
        }
        return macs + prev * 16 * width + 16.0 * width;
    }

    /**
     * FLOP of one training step of {@code model} (pix2pix, cyclegan or srgan) at {@code batch} images of
     * {@code side} pixels with {@code channels} channels per side of a pair.
     */
    public static double stepFlop(String model, int side, int channels, int width, int blocks, int scale, int batch) {
        return switch (model) {
            case "pix2pix" -> stepFlopFromMacs(model, unetMacs(side, channels, channels, width),
                    patchMacs(side, 2 * channels, width, PatchDiscriminator.layersFor(side)), batch);
            case "cyclegan" -> stepFlopFromMacs(model, resnetMacs(side, channels, channels, width, blocks),
                    patchMacs(side, channels, width, PatchDiscriminator.layersFor(side)), batch);
            case "srgan" -> stepFlopFromMacs(model, srResNetMacs(side, channels, width, blocks, scale),
                    srDiscriminatorMacs(side, channels, width), batch);
            default -> throw unknown(model);
        };
    }

    /**
     * FLOP of one training step of {@code model} from the multiply-adds of one forward pass of one generator and one
     * discriminator for one image, however they were counted (passes as the class comment says).
     */
    public static double stepFlopFromMacs(String model, double generatorMacs, double discriminatorMacs, int batch) {
        double[] passes = switch (model) {
            case "pix2pix", "srgan" -> new double[]{3, 8};
            case "cyclegan" -> new double[]{18, 16};
            default -> throw unknown(model);
        };
        return 2.0 * batch * (passes[0] * generatorMacs + passes[1] * discriminatorMacs);
    }

    private static IllegalArgumentException unknown(String model) {
        return new IllegalArgumentException("no cost model for " + model + " (pix2pix, cyclegan, srgan)");
    }

    private static double ch(int width, int level) {
        return (double) width * Math.min(1 << level, 8);
    }

    private static double sq(int s) {
        return (double) s * s;
    }
}
