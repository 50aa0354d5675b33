package org.jgan.core.data;

import java.awt.image.BufferedImage;

/** Conversions between {@link BufferedImage} and channel-first unsigned bytes. */
public final class Pixels {
    private Pixels() {
    }

    /** Writes {@code img} as C x H x W bytes at {@code offset}; RGB to gray uses the ITU-R 601 luma weights. */
    public static void toChw(BufferedImage img, int channels, byte[] out, int offset) {
        int h = img.getHeight();
        int w = img.getWidth();
        boolean gray = img.getColorModel().getNumColorComponents() == 1;
        var raster = img.getRaster();
        int[] px = new int[raster.getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                if (gray) {
                    raster.getPixel(x, y, px);
                    int bits = img.getColorModel().getComponentSize(0);
                    r = g = b = bits > 8 ? px[0] >> (bits - 8) : px[0];
                } else {
                    int rgb = img.getRGB(x, y);
                    r = (rgb >> 16) & 0xff;
                    g = (rgb >> 8) & 0xff;
                    b = rgb & 0xff;
                }
                int i = y * w + x;
                if (channels == 1) {
                    out[offset + i] = (byte) (gray ? r : Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                } else {
                    out[offset + i] = (byte) r;
                    out[offset + h * w + i] = (byte) g;
                    out[offset + 2 * h * w + i] = (byte) b;
                }
            }
        }
    }

    /** Builds an image from C x H x W bytes at {@code offset} (gray for C = 1, RGB for C = 3). */
    public static BufferedImage fromChw(byte[] data, int offset, int channels, int h, int w) {
        BufferedImage img = new BufferedImage(w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (channels == 1) {
                    img.getRaster().setSample(x, y, 0, data[offset + i] & 0xff);
                } else {
                    int r = data[offset + i] & 0xff;
                    int g = data[offset + h * w + i] & 0xff;
                    int b = data[offset + 2 * h * w + i] & 0xff;
                    img.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return img;
    }
}
