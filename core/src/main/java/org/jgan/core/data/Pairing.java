package org.jgan.core.data;

/**
 * How the channels of an image-to-image data set divide into two images side by side: the first {@code channelsA}
 * channels are an image of domain A, the next {@code channelsB} an image of domain B. This is how jgan carries pairs
 * through the one training loop without a second data path: a batch of pairs is an ordinary N x (Ca + Cb) x H x W
 * batch, and the variant splits it (Isola et al. 2017 feed pix2pix's D the same channel concatenation).
 *
 * @param channelsA 1 (grayscale) or 3 (RGB)
 * @param channelsB 1 (grayscale) or 3 (RGB)
 * @param aligned   true when image B of a row is the counterpart of image A (pix2pix's paired data); false when A and
 *                  B were drawn independently from two unpaired domains (CycleGAN's trainA/trainB, Zhu et al. 2017)
 */
public record Pairing(int channelsA, int channelsB, boolean aligned) {
    public Pairing {
        if ((channelsA != 1 && channelsA != 3) || (channelsB != 1 && channelsB != 3)) {
            throw new DataException("each side of an image pair must have 1 or 3 channels, got " + channelsA + " and "
                    + channelsB);
        }
    }

    public int channels() {
        return channelsA + channelsB;
    }
}
