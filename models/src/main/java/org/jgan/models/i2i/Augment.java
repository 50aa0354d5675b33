package org.jgan.models.i2i;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.StepContext;
import org.jgan.engine.Tensors;

/**
 * pix2pix's and CycleGAN's training jitter: a random crop and a random horizontal flip per image (Isola et al. 2017,
 * section 6.2), drawn from the step's generator so a resumed run sees the same crops. The crop and flip apply to all
 * channels of a row at once, so both sides of a pair move together.
 */
public final class Augment {
    private Augment() {
    }

    /** The real batch of {@code ctx} cropped to {@code i2i.crop} and flipped per {@code i2i.flip}; as is when off. */
    public static Tensor apply(StepContext ctx, ImageToImageConfig c) {
        Tensor x = ctx.real();
        int crop = c.crop();
        boolean cropping = crop > 0 && (crop < x.size(2) || crop < x.size(3));
        if (!cropping && !c.flip()) {
            return x;
        }
        long n = x.size(0);
        float[] u = Tensors.toFloats(torch.rand(new long[]{n * 3}, ctx.rng()));
        TensorVector rows = new TensorVector();
        for (int i = 0; i < n; i++) {
            Tensor r = x.narrow(0, i, 1);
            if (cropping) {
                long oy = (long) Math.floor(u[3 * i] * (x.size(2) - crop + 1));
                long ox = (long) Math.floor(u[3 * i + 1] * (x.size(3) - crop + 1));
                r = r.narrow(2, Math.min(oy, x.size(2) - crop), crop).narrow(3, Math.min(ox, x.size(3) - crop), crop);
            }
            if (c.flip() && u[3 * i + 2] < 0.5f) {
                r = r.flip(3);
            }
            rows.push_back(r);
        }
        return torch.cat(rows, 0);
    }

    /** The (shorter) side of the images the networks train on: the crop, or the data's shorter side. */
    public static int trainSide(ImageToImageConfig c, int height, int width) {
        return c.crop() > 0 ? Math.min(c.crop(), Math.min(height, width)) : Math.min(height, width);
    }

    /** Height and width of the training images: crop x crop, or the data's own size. */
    public static int[] trainSize(ImageToImageConfig c, int height, int width) {
        return c.crop() > 0 ? new int[]{c.crop(), c.crop()} : new int[]{height, width};
    }

    /** A ConfigException naming {@code model} when the crop does not fit inside the data's images. */
    public static void checkCrop(String model, ImageToImageConfig c, int height, int width) {
        if (c.crop() > Math.min(height, width)) {
            throw new ConfigException(model + ": i2i.crop " + c.crop() + " is larger than the images (" + height
                    + "x" + width + "); use a smaller crop or a larger i2i.loadSize");
        }
    }
}
