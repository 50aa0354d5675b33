package org.jgan.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.Pixels;
import org.jgan.core.data.clips.Clips;

/**
 * Pictures of clips: an animated GIF of a grid of clips (frame t of every clip in each GIF frame), an animated GIF of
 * one clip, and a strip PNG (one row per clip, its frames left to right) for places that cannot animate (printed
 * reports, a quick look at motion without playing anything).
 */
public final class ClipImages {
    /** Frame delay of written GIFs: 10 frames a second. */
    public static final int DELAY_MS = 100;

    private ClipImages() {
    }

    /** Frame {@code t} of clip {@code i}, as an image. */
    public static BufferedImage frame(Clips clips, int i, int t) {
        return Pixels.fromChw(chw(clips, i, t), 0, clips.channels(), clips.height(), clips.width());
    }

    /** The frames of a grid of all clips, {@code cols} per row (0: as square as possible), one per time step. */
    public static List<BufferedImage> gridFrames(Clips clips, int cols) {
        int n = clips.size();
        int columns = cols > 0 ? Math.min(cols, n) : (int) Math.ceil(Math.sqrt(n));
        int c = clips.channels();
        int h = clips.height();
        int w = clips.width();
        List<BufferedImage> out = new ArrayList<>();
        for (int t = 0; t < clips.frames(); t++) {
            byte[] frames = new byte[n * c * h * w];
            for (int i = 0; i < n; i++) {
                byte[] one = chw(clips, i, t);
                System.arraycopy(one, 0, frames, i * one.length, one.length);
            }
            out.add(ImageGrid.grid(frames, n, c, h, w, columns));
        }
        return out;
    }

    /** Writes all clips as one looping GIF of a grid, {@code cols} per row (0: as square as possible). */
    public static void writeGridGif(Clips clips, int cols, Path file) throws IOException {
        AnimatedGif.write(gridFrames(clips, cols), DELAY_MS, file);
    }

    /** Writes clip {@code i} alone as a looping GIF. */
    public static void writeGif(Clips clips, int i, Path file) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < clips.frames(); t++) {
            frames.add(frame(clips, i, t));
        }
        AnimatedGif.write(frames, DELAY_MS, file);
    }

    /**
     * Writes every clip into {@code folder} as {@code clip-NNNN.gif} and its strip {@code clip-NNNN.png}, and all of
     * them as one grid, {@code clips.gif}; returns the folder.
     */
    public static Path writeFolder(Clips clips, Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        for (int i = 0; i < clips.size(); i++) {
            Clips one = Clips.of(clips, new int[]{i}, clips.name());
            writeGif(one, 0, folder.resolve(String.format("clip-%04d.gif", i)));
            ImageGrid.writePng(strip(one, 1), folder.resolve(String.format("clip-%04d.png", i)));
        }
        writeGridGif(clips, 0, folder.resolve("clips.gif"));
        return folder;
    }

    /** The first {@code rows} clips (all when fewer), one per row, frames left to right. */
    public static BufferedImage strip(Clips clips, int rows) {
        int n = Math.min(rows, clips.size());
        int t = clips.frames();
        int c = clips.channels();
        int h = clips.height();
        int w = clips.width();
        byte[] all = new byte[n * t * c * h * w];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < t; f++) {
                byte[] one = chw(clips, i, f);
                System.arraycopy(one, 0, all, k, one.length);
                k += one.length;
            }
        }
        return ImageGrid.grid(all, n * t, c, h, w, t);
    }

    /** Frame {@code t} of clip {@code i} as C x H x W bytes. */
    private static byte[] chw(Clips clips, int i, int t) {
        int c = clips.channels();
        int hw = clips.height() * clips.width();
        byte[] out = new byte[c * hw];
        int base = i * clips.clipBytes();
        for (int ch = 0; ch < c; ch++) {
            System.arraycopy(clips.pixels(), base + (ch * clips.frames() + t) * hw, out, ch * hw, hw);
        }
        return out;
    }
}
