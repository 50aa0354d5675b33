package org.jgan.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Image-to-image tasks made from Fashion-MNIST at load time, so every image-to-image model runs with nothing to
 * download (Xiao et al. 2017 for the images):
 * <ul>
 *   <li>{@code demo:edges2garment}: Sobel edge maps (black lines on white, as pix2pix's edges2shoes) paired with
 *       their garments, for pix2pix;</li>
 *   <li>{@code demo:sneaker2boot}: unpaired sneakers (class 7) and ankle boots (class 9), for CycleGAN.</li>
 * </ul>
 * Append {@code :test} for pairs made from the test split, which training never sees. Super-resolution needs no demo
 * task: SRGAN trains on {@code fashion-mnist} and makes its low-resolution inputs by downscaling.
 */
public final class DemoTasks {
    public static final String PREFIX = "demo:";
    public static final List<String> NAMES = List.of("edges2garment", "sneaker2boot");
    static final int SNEAKER = 7;
    static final int ANKLE_BOOT = 9;

    private DemoTasks() {
    }

    public static boolean isDemo(String spec) {
        return spec != null && spec.startsWith(PREFIX);
    }

    /** Opens {@code demo:NAME} or {@code demo:NAME:test}; {@code seed} draws the unpaired co-occurrences. */
    public static ImageDataset open(String spec, long seed) {
        String rest = spec.substring(PREFIX.length());
        String split = "train";
        if (rest.endsWith(":test") || rest.endsWith(":train")) {
            split = rest.substring(rest.lastIndexOf(':') + 1);
            rest = rest.substring(0, rest.lastIndexOf(':'));
        }
        if (!NAMES.contains(rest)) {
            throw new DataException(spec + ": unknown demo task '" + rest + "'; choose one of " + String.join(", ",
                    NAMES) + " (append :test for the held-out split)");
        }
        ImageDataset fm = DataSources.open("fashion-mnist:" + split);
        return rest.equals("edges2garment") ? edgesToGarment(fm, spec) : classToClass(fm, SNEAKER, ANKLE_BOOT, seed,
                spec);
    }

    /** Pairs each image's edge map (A) with the image (B), keeping the images' labels. */
    public static ImageDataset edgesToGarment(ImageDataset gray, String name) {
        int h = gray.height();
        int w = gray.width();
        int per = h * w;
        byte[] px = new byte[gray.size() * 2 * per];
        for (int i = 0; i < gray.size(); i++) {
            byte[] edge = edges(gray.pixels(), i * per, h, w);
            System.arraycopy(edge, 0, px, i * 2 * per, per);
            System.arraycopy(gray.pixels(), i * per, px, i * 2 * per + per, per);
        }
        // The garments' classes come along, so translated outputs can be scored by a classifier.
        return new ImageDataset(name, 2, h, w, px, gray.labels(), gray.labelled() ? gray.classNames() : List.of(),
                new Pairing(1, 1, true));
    }

    /** Images of class {@code a} (domain A) and of class {@code b} (domain B), unpaired. */
    public static ImageDataset classToClass(ImageDataset data, int a, int b, long seed, String name) {
        return PairedFolders.unpaired(ofClass(data, a), ofClass(data, b), seed, name);
    }

    private static ImageFiles.Decoded ofClass(ImageDataset d, int cls) {
        if (!d.labelled()) {
            throw new DataException(d.name() + ": has no labels to select class " + cls + " from");
        }
        int per = d.imageBytes();
        int n = 0;
        for (int l : d.labels()) {
            n += l == cls ? 1 : 0;
        }
        byte[] px = new byte[n * per];
        List<Path> names = new java.util.ArrayList<>(n);
        for (int i = 0, k = 0; i < d.size(); i++) {
            if (d.labels()[i] == cls) {
                System.arraycopy(d.pixels(), i * per, px, k++ * per, per);
                names.add(Path.of(d.name() + "#" + i));
            }
        }
        return new ImageFiles.Decoded(names, d.channels(), d.height(), d.width(), px);
    }

    /**
     * The Sobel edge map of one grayscale image: 0 (black) where the gradient magnitude exceeds a quarter of the
     * image's largest, 255 elsewhere. The relative threshold keeps faint garments' outlines while dropping most of the
     * weave texture inside them.
     */
    public static byte[] edges(byte[] pixels, int offset, int h, int w) {
        float[] mag = new float[h * w];
        float max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float gx = at(pixels, offset, h, w, y - 1, x + 1) + 2 * at(pixels, offset, h, w, y, x + 1)
                        + at(pixels, offset, h, w, y + 1, x + 1) - at(pixels, offset, h, w, y - 1, x - 1)
                        - 2 * at(pixels, offset, h, w, y, x - 1) - at(pixels, offset, h, w, y + 1, x - 1);
                float gy = at(pixels, offset, h, w, y + 1, x - 1) + 2 * at(pixels, offset, h, w, y + 1, x)
                        + at(pixels, offset, h, w, y + 1, x + 1) - at(pixels, offset, h, w, y - 1, x - 1)
                        - 2 * at(pixels, offset, h, w, y - 1, x) - at(pixels, offset, h, w, y - 1, x + 1);
                mag[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy);
                max = Math.max(max, mag[y * w + x]);
            }
        }
        byte[] out = new byte[h * w];
        float t = Math.max(1f, 0.25f * max);
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (mag[i] > t ? 0 : 255);
        }
        return out;
    }

    /** A pixel with replicated borders. */
    private static float at(byte[] px, int offset, int h, int w, int y, int x) {
        int yy = Math.max(0, Math.min(h - 1, y));
        int xx = Math.max(0, Math.min(w - 1, x));
        return px[offset + yy * w + xx] & 0xff;
    }
}
