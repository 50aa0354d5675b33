package org.jgan.api;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.image.AnimatedGif;
import org.jgan.core.image.ImageGrid;

/**
 * Generated images held on the Java heap as unsigned bytes (N x C x H x W, 0..255), with the labels they were drawn
 * for. Plain Java data: nothing to close. Files are written atomically (a crash never leaves half a PNG).
 */
public final class Samples {
    /** The most images one grid shows ({@link #checkGrid}). */
    public static final int MAX_GRID = 10_000;

    private final byte[] pixels;
    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final int columns;
    private final int[] labels;

    Samples(byte[] pixels, int count, int channels, int height, int width, int columns, int[] labels) {
        this.pixels = pixels;
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.columns = columns;
        this.labels = labels;
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Channels per image: 1 (grayscale) or 3 (RGB). */
    public int channels() {
        return channels;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** A copy of all pixels, N x C x H x W unsigned bytes. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The class index image {@code i} was generated for; -1 when the model is not conditional. */
    public int label(int i) {
        check(i);
        return labels == null ? -1 : labels[i];
    }

    /** Image {@code i} as a Java image. */
    public BufferedImage image(int i) {
        check(i);
        return ImageGrid.image(pixels, i, channels, height, width);
    }

    /** All images in one grid (a row per class for class grids, else about square); at most {@link #MAX_GRID}. */
    public BufferedImage grid() {
        checkGrid(count);
        return ImageGrid.grid(pixels, count, channels, height, width, columns);
    }

    /**
     * Refuses a grid of more than {@link #MAX_GRID} images: 10,000 Fashion-MNIST images are already a 2,800-pixel
     * square, and a million took minutes and half a gigabyte of PNG. Callers check before generating.
     */
    public static void checkGrid(long images) {
        ConfigException.check(images <= MAX_GRID, "a grid shows at most " + MAX_GRID + " images, asked for " + images
                + "; write more as PNG files or IDX");
    }

    /** Writes {@link #grid()} as a PNG file. */
    public Path writeGrid(Path png) throws IOException {
        ImageGrid.writePng(grid(), png);
        return png;
    }

    /** Writes one PNG per image into {@code folder} (created if missing), named 000000.png, 000001.png, ... */
    public Path writePngs(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            ImageGrid.writePng(image(i), folder.resolve(String.format("%06d.png", i)));
        }
        return folder;
    }

    /** Writes the images as one IDX3 file of unsigned bytes, as MNIST is stored (grayscale images only). */
    public Path writeIdx(Path file) throws IOException {
        if (channels != 1) {
            throw new ConfigException("IDX files hold grayscale images; these have " + channels
                    + " channels, write PNGs instead");
        }
        IdxWriter.write(file, new int[]{count, height, width}, pixels);
        return file;
    }

    /**
     * Writes the images as the frames of a looping animated GIF, {@code fps} frames per second (1..100), each
     * enlarged {@code scale} times (1..16) because a 28x28 animation is hard to see.
     */
    public Path writeGif(Path gif, int fps, int scale) throws IOException {
        ConfigException.check(fps >= 1 && fps <= 100, "GIF frames per second must be in 1..100, got " + fps);
        ConfigException.check(scale >= 1 && scale <= 16, "GIF scale must be in 1..16, got " + scale);
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(scaled(image(i), scale));
        }
        AnimatedGif.write(frames, 1000 / fps, gif);
        return gif;
    }

    private static BufferedImage scaled(BufferedImage img, int k) {
        if (k == 1) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth() * k, img.getHeight() * k, img.getType());
        var g = out.createGraphics();
        g.drawImage(img.getScaledInstance(out.getWidth(), out.getHeight(), Image.SCALE_FAST), 0, 0, null);
        g.dispose();
        return out;
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("image " + i + " of " + count);
        }
    }
}
