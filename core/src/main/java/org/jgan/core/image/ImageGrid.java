package org.jgan.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.Pixels;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.Tensors;

/** Turns image tensors in [-1, 1] into bytes, single images and grids, and writes PNGs atomically. */
public final class ImageGrid {
    private ImageGrid() {
    }

    /** N x C x H x W floats in [-1, 1] to unsigned bytes (clamped, rounded), same layout. */
    public static byte[] toBytes(Tensor images) {
        float[] f = Tensors.toFloats(images);
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            float v = (f[i] + 1f) * 127.5f;
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        return b;
    }

    /** Image {@code i} of an N x C x H x W tensor's bytes. */
    public static BufferedImage image(byte[] chw, int i, int c, int h, int w) {
        return Pixels.fromChw(chw, i * c * h * w, c, h, w);
    }

    /** Lays {@code n} images out in rows of {@code cols}, with a 2-pixel dark border. */
    public static BufferedImage grid(byte[] chw, int n, int c, int h, int w, int cols) {
        int pad = 2;
        int rows = (n + cols - 1) / cols;
        BufferedImage g = new BufferedImage(cols * (w + pad) + pad, rows * (h + pad) + pad,
                c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        var gfx = g.createGraphics();
        gfx.setColor(new java.awt.Color(40, 40, 40));
        gfx.fillRect(0, 0, g.getWidth(), g.getHeight());
        for (int i = 0; i < n; i++) {
            gfx.drawImage(image(chw, i, c, h, w), pad + (i % cols) * (w + pad), pad + (i / cols) * (h + pad), null);
        }
        gfx.dispose();
        return g;
    }

    /** A grid of an N x C x H x W tensor in [-1, 1], {@code cols} per row (0: as square as possible). */
    public static BufferedImage grid(Tensor images, int cols) {
        long[] s = Tensors.shape(images);
        int n = (int) s[0];
        int c = cols > 0 ? cols : (int) Math.ceil(Math.sqrt(n));
        return grid(toBytes(images), n, (int) s[1], (int) s[2], (int) s[3], c);
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
