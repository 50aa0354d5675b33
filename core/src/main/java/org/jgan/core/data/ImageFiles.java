package org.jgan.core.data;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads lists of PNG/JPEG files of any size into channel-first bytes, resizing them to one size when asked (the
 * "load size" of pix2pix and CycleGAN). Grayscale when every image is, RGB otherwise, as {@link ImageFolderReader}.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Images decoded to one size and channel count: N x C x H x W bytes. */
    public record Decoded(List<Path> files, int channels, int height, int width, byte[] pixels) {
        public int size() {
            return files.size();
        }
    }

    /** The PNG/JPEG files directly inside {@code dir}, sorted by name; a DataException naming it when there are none. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no such folder");
        }
        List<Path> out;
        try (Stream<Path> s = Files.list(dir)) {
            out = s.filter(ImageFolderReader::isImage).sorted().toList();
        } catch (java.io.IOException e) {
            throw new DataException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new DataException(dir + ": no PNG or JPEG images found (*.png, *.jpg, *.jpeg)");
        }
        return out;
    }

    /** The file name without its extension, which pairs A/x.png with B/x.jpg. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static BufferedImage read(Path file) {
        return ImageFolderReader.readImage(file);
    }

    /**
     * Decodes {@code images} (read from {@code files}) to {@code channels} (0: gray when all are, else RGB), resized to
     * {@code size} x {@code size} when {@code size > 0}; otherwise all must share the first image's size.
     */
    public static Decoded decode(List<Path> files, List<BufferedImage> images, int size, int channels) {
        return decode(files, images, size, size, channels);
    }

    /** As {@link #decode(List, List, int, int)}, resized to {@code height} x {@code width} when both are positive. */
    public static Decoded decode(List<Path> files, List<BufferedImage> images, int height, int width, int channels) {
        int c = channels > 0 ? channels : images.stream().allMatch(ImageFiles::isGray) ? 1 : 3;
        boolean resize = height > 0 && width > 0;
        int h = resize ? height : images.get(0).getHeight();
        int w = resize ? width : images.get(0).getWidth();
        byte[] px = new byte[images.size() * c * h * w];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage img = images.get(i);
            if (!resize && (img.getWidth() != w || img.getHeight() != h)) {
                throw new DataException(files.get(i) + ": image is " + img.getWidth() + "x" + img.getHeight()
                        + " but " + files.get(0).getFileName() + " is " + w + "x" + h + "; resize them with "
                        + "i2i.loadSize=N");
            }
            Pixels.toChw(resize ? resize(img, w, h) : img, c, px, i * c * h * w);
        }
        return new Decoded(files, c, h, w, px);
    }

    /** Reads and decodes {@code files} as {@link #decode} does. */
    public static Decoded read(List<Path> files, int size, int channels) {
        return read(files, size, size, channels);
    }

    /** Reads and decodes {@code files}, resized to {@code height} x {@code width} when both are positive. */
    public static Decoded read(List<Path> files, int height, int width, int channels) {
        List<BufferedImage> imgs = new ArrayList<>(files.size());
        for (Path f : files) {
            imgs.add(read(f));
        }
        return decode(files, imgs, height, width, channels);
    }

    public static boolean isGray(BufferedImage img) {
        return img.getColorModel().getNumColorComponents() == 1;
    }

    /** Bicubic resize (Java2D), keeping grayscale images grayscale. */
    public static BufferedImage resize(BufferedImage img, int w, int h) {
        if (img.getWidth() == w && img.getHeight() == h) {
            return img;
        }
        BufferedImage out = new BufferedImage(w, h, isGray(img) ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** The left ({@code half} 0) or right (1) half of a side-by-side A|B image. */
    public static BufferedImage half(BufferedImage ab, int half, Path file) {
        if (ab.getWidth() % 2 != 0) {
            throw new DataException(file + ": a side-by-side A|B image needs an even width, got " + ab.getWidth());
        }
        int w = ab.getWidth() / 2;
        return ab.getSubimage(half * w, 0, w, ab.getHeight());
    }

    /** {@code d} with {@code channels} channels: gray repeated to RGB, or RGB to gray with the ITU-R 601 weights. */
    public static Decoded withChannels(Decoded d, int channels) {
        if (d.channels() == channels) {
            return d;
        }
        int hw = d.height() * d.width();
        byte[] out = new byte[d.size() * channels * hw];
        for (int i = 0; i < d.size(); i++) {
            int src = i * d.channels() * hw;
            int dst = i * channels * hw;
            for (int k = 0; k < hw; k++) {
                if (channels == 3) {
                    byte v = d.pixels()[src + k];
                    out[dst + k] = v;
                    out[dst + hw + k] = v;
                    out[dst + 2 * hw + k] = v;
                } else {
                    int r = d.pixels()[src + k] & 0xff;
                    int g = d.pixels()[src + hw + k] & 0xff;
                    int b = d.pixels()[src + 2 * hw + k] & 0xff;
                    out[dst + k] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                }
            }
        }
        return new Decoded(d.files(), channels, d.height(), d.width(), out);
    }

    /** The first {@code n} images of {@code d}. */
    public static Decoded head(Decoded d, int n) {
        if (n <= 0 || n >= d.size()) {
            return d;
        }
        int per = d.channels() * d.height() * d.width();
        return new Decoded(d.files().subList(0, n), d.channels(), d.height(), d.width(),
                java.util.Arrays.copyOf(d.pixels(), n * per));
    }

    /** Channels {@code from} .. {@code from + count} of each image of {@code data} (one side of a pair). */
    public static Decoded channels(ImageDataset data, int from, int count, List<Path> names) {
        int hw = data.height() * data.width();
        byte[] out = new byte[data.size() * count * hw];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.pixels(), (i * data.channels() + from) * hw, out, i * count * hw, count * hw);
        }
        return new Decoded(names, count, data.height(), data.width(), out);
    }
}
