package org.jgan.core.data.clips;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.ImageFolderReader;
import org.jgan.core.data.Pixels;

/**
 * Reads a user's clips from a folder in one of two layouts:
 * <ul>
 *   <li>animated GIFs ({@code *.gif}), one clip per file. Each frame is composited onto a canvas of the GIF's logical
 *       screen, honouring the frame's position and the previous frame's disposal method, so every frame is whole
 *       (see {@link GifFrames});</li>
 *   <li>frame folders, one sub-folder per clip holding numbered PNG or JPEG frames, ordered by the last number in
 *       each file name ({@code frame2.png} before {@code frame10.png}); every frame needs a number and no two may
 *       share one.</li>
 * </ul>
 * Clips are taken in natural name order ({@code clip2} before {@code clip10}), so the order is the same on every
 * machine. Each clip must have at least {@code frames} frames and is cut to its first {@code frames}. All frames of all
 * clips must share one size of at most {@value #MAX_SIDE} pixels a side (squareness is the model's business). The
 * clips have 1 channel when every pixel of every frame is gray (R = G = B), else 3.
 *
 * <p>Hidden entries (names starting with a dot) and files that are neither images nor folders (a README, a licence)
 * are ignored, so a downloaded collection can be used as it is; but GIFs beside sub-folders, PNG or JPEG images
 * directly in the folder, and damaged images are errors, because guessing there would silently train on the wrong
 * data. The clips carry no labels and no trajectory.
 */
public final class ClipFolders {
    /** The largest frame side accepted: bigger frames would not fit a clip batch in memory. */
    public static final int MAX_SIDE = 512;

    private static final String LAYOUTS = "a clip folder holds animated GIFs (*.gif) or one sub-folder of numbered "
            + "PNG/JPEG frames per clip";

    private ClipFolders() {
    }

    /** The clips in {@code folder}, each cut to its first {@code frames} frames. */
    public static Clips read(Path folder, int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("clips need at least one frame, got " + frames);
        }
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder + ": no such folder");
        }
        List<Path> entries = visible(folder);
        List<Path> gifs = entries.stream().filter(ClipFolders::isGif).sorted(byName()).toList();
        List<Path> dirs = entries.stream().filter(Files::isDirectory).sorted(byName()).toList();
        List<Path> stills = entries.stream().filter(ImageFolderReader::isImage).toList();
        if (!gifs.isEmpty() && !dirs.isEmpty()) {
            throw new DataException(folder + ": holds both GIFs (" + gifs.get(0).getFileName() + ") and sub-folders ("
                    + dirs.get(0).getFileName() + "); " + LAYOUTS + ", not both");
        }
        if (!stills.isEmpty()) {
            throw new DataException(folder + ": holds still images directly (" + stills.get(0).getFileName()
                    + "); " + LAYOUTS + "; put each clip's frames in a sub-folder of their own");
        }
        if (gifs.isEmpty() && dirs.isEmpty()) {
            int ignored = entries.size();
            throw new DataException(folder + ": no clips found; " + LAYOUTS
                    + (ignored > 0 ? " (" + ignored + " other file" + (ignored == 1 ? "" : "s") + " ignored)" : ""));
        }
        boolean isGifs = !gifs.isEmpty();
        List<Path> clips = isGifs ? gifs : dirs;
        List<Frames> read = new ArrayList<>(clips.size());
        for (Path clip : clips) {
            Frames f = isGifs ? GifFrames.read(clip, frames, MAX_SIDE) : readFrameFolder(clip, frames);
            Frames first = read.isEmpty() ? f : read.get(0);
            if (f.width() != first.width() || f.height() != first.height()) {
                throw new DataException(clip + ": frames are " + f.width() + "x" + f.height() + " but "
                        + clips.get(0).getFileName() + " has " + first.width() + "x" + first.height()
                        + "; all clips must share one frame size");
            }
            read.add(f);
        }
        return assemble(folder.toString(), read, frames);
    }

    /**
     * One clip decoded to RGB: {@code rgb} is 3 x T x H x W bytes (channel-major, as {@link ClipSource} lays out a
     * clip), {@code gray} whether every pixel has R = G = B.
     */
    record Frames(int width, int height, byte[] rgb, boolean gray) {
    }

    /** Rejects a frame larger than {@link #MAX_SIDE} a side, naming {@code what}. */
    static void checkSize(Object what, int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new DataException(what + ": frames are " + width + "x" + height + ", larger than the " + MAX_SIDE
                    + "x" + MAX_SIDE + " a clip frame may be; shrink the clips");
        }
        if (width <= 0 || height <= 0) {
            throw new DataException(what + ": frames are " + width + "x" + height + ", which is empty");
        }
    }

    /**
     * Copies {@code argb} (one frame, packed as {@link BufferedImage#getRGB} gives it) into frame {@code t} of
     * {@code rgb}, a 3 x {@code frames} x H x W clip; returns whether the frame is gray.
     */
    static boolean putFrame(int[] argb, byte[] rgb, int t, int frames) {
        int hw = argb.length;
        int plane = frames * hw;
        boolean gray = true;
        for (int p = 0; p < hw; p++) {
            int r = (argb[p] >> 16) & 0xff;
            int g = (argb[p] >> 8) & 0xff;
            int b = argb[p] & 0xff;
            rgb[t * hw + p] = (byte) r;
            rgb[plane + t * hw + p] = (byte) g;
            rgb[2 * plane + t * hw + p] = (byte) b;
            gray &= r == g && g == b;
        }
        return gray;
    }

    private static Frames readFrameFolder(Path dir, int frames) {
        List<Path> files = numberedFrames(dir);
        if (files.size() < frames) {
            throw new DataException(dir + ": " + files.size() + " PNG/JPEG frame" + (files.size() == 1 ? "" : "s")
                    + ", fewer than the " + frames + " each clip needs");
        }
        byte[] rgb = null;
        int w = 0;
        int h = 0;
        boolean gray = true;
        byte[] chw = null;
        for (int t = 0; t < frames; t++) {
            BufferedImage img = ImageFiles.read(files.get(t));
            if (t == 0) {
                w = img.getWidth();
                h = img.getHeight();
                checkSize(files.get(0), w, h);
                rgb = new byte[3 * frames * h * w];
                chw = new byte[3 * h * w];
            } else if (img.getWidth() != w || img.getHeight() != h) {
                throw new DataException(files.get(t) + ": frame is " + img.getWidth() + "x" + img.getHeight()
                        + " but " + files.get(0).getFileName() + " is " + w + "x" + h
                        + "; all frames of a clip must share one size");
            }
            // Pixels reads gray rasters directly; getRGB would pass them through a gamma conversion.
            Pixels.toChw(img, 3, chw, 0);
            int hw = h * w;
            for (int c = 0; c < 3; c++) {
                System.arraycopy(chw, c * hw, rgb, (c * frames + t) * hw, hw);
            }
            for (int p = 0; p < hw && gray; p++) {
                gray = chw[p] == chw[hw + p] && chw[p] == chw[2 * hw + p];
            }
        }
        return new Frames(w, h, rgb, gray);
    }

    /** The PNG/JPEG files in {@code dir} ordered by the last number in their names. */
    static List<Path> numberedFrames(Path dir) {
        List<Path> files = visible(dir).stream().filter(ImageFolderReader::isImage).toList();
        List<Path> sorted = new ArrayList<>(files.size());
        for (Path f : files) {
            if (frameNumber(f) == null) {
                throw new DataException(f + ": a frame's file name needs a number giving its place in the clip, "
                        + "e.g. frame7.png");
            }
            sorted.add(f);
        }
        Comparator<Path> byNumber = (a, b) -> compareNumbers(frameNumber(a), frameNumber(b));
        sorted.sort(byNumber);
        for (int i = 1; i < sorted.size(); i++) {
            if (byNumber.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw new DataException(dir + ": frames " + sorted.get(i - 1).getFileName() + " and "
                        + sorted.get(i).getFileName() + " have the same number, so their order is unknown");
            }
        }
        return sorted;
    }

    /** The last run of digits in the file name without its extension, leading zeros dropped; null when none. */
    static String frameNumber(Path file) {
        String stem = ImageFiles.stem(file);
        int end = stem.length();
        while (end > 0 && !Character.isDigit(stem.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        int start = end;
        while (start > 0 && Character.isDigit(stem.charAt(start - 1))) {
            start--;
        }
        return stem.substring(start, end).replaceFirst("^0+(?=.)", "");
    }

    /** Compares two digit strings without leading zeros by value, whatever their length. */
    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** Natural name order: runs of digits compare by value, the rest character by character. */
    static Comparator<Path> byName() {
        return (a, b) -> naturalCompare(a.getFileName().toString(), b.getFileName().toString());
    }

    private static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = compareNumbers(a.substring(i, ei).replaceFirst("^0+(?=.)", ""),
                        b.substring(j, ej).replaceFirst("^0+(?=.)", ""));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        // Equal by value but spelt differently (clip01, clip1): fall back to the plain order so the sort is total.
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static Clips assemble(String name, List<Frames> clips, int frames) {
        boolean gray = clips.stream().allMatch(Frames::gray);
        int c = gray ? 1 : 3;
        Frames first = clips.get(0);
        int per = c * frames * first.height() * first.width();
        long total = (long) clips.size() * per;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataException(name + ": " + clips.size() + " clips of " + frames + " frames of " + c + "x"
                    + first.height() + "x" + first.width() + " are " + total + " bytes, more than one array holds; "
                    + "use fewer or smaller clips");
        }
        byte[] pixels = new byte[(int) total];
        for (int i = 0; i < clips.size(); i++) {
            // Gray clips keep their red plane: R = G = B, and the planes are channel-major.
            System.arraycopy(clips.get(i).rgb(), 0, pixels, i * per, per);
        }
        return new Clips(name, c, frames, first.height(), first.width(), pixels, null, List.of(), null, 0);
    }

    private static boolean isGif(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
    }

    /** The entries of {@code dir} whose names do not start with a dot. */
    private static List<Path> visible(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
    }
}
