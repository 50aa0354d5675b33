package org.jgan.core.data.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.core.data.DataException;
import org.jgan.core.image.AnimatedGif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link ClipFolders} reads GIFs (whole frames even when a GIF stores partial ones) and frame folders
 * pixel-exactly, orders frames by number and clips by name, cuts clips to the frames asked for, detects gray clips,
 * and names the offending file or folder in each error.
 */
class ClipFoldersTest {
    static final int W = 6;
    static final int H = 5;

    @TempDir
    Path tmp;

    /** Gray value of pixel (x, y) of frame t of clip k: distinct per frame and clip, exact in PNG and GIF. */
    static int value(int k, int t, int x, int y) {
        return (k * 97 + t * 13 + x * 5 + y * 31) % 256;
    }

    static BufferedImage grayFrame(int k, int t, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value(k, t, x, y));
            }
        }
        return img;
    }

    /** Writes clip {@code k} as {@code n} frames named {@code frame<i>.png} (i from 1) in folder {@code name}. */
    Path frameFolder(String name, int k, int n, int w, int h) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int t = 0; t < n; t++) {
            ImageIO.write(grayFrame(k, t, w, h), "png", dir.resolve("frame" + (t + 1) + ".png").toFile());
        }
        return dir;
    }

    Path gif(String name, int k, int n, int w, int h) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            frames.add(grayFrame(k, t, w, h));
        }
        Path file = tmp.resolve(name);
        AnimatedGif.write(frames, 100, file);
        return file;
    }

    static void assertClip(Clips clips, int i, int k, int frames) {
        byte[] got = new byte[clips.clipBytes()];
        clips.render(i, got, 0);
        byte[] want = new byte[frames * H * W];
        for (int t = 0; t < frames; t++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    want[(t * H + y) * W + x] = (byte) value(k, t, x, y);
                }
            }
        }
        assertArrayEquals(want, got, "clip " + i);
    }

    static DataException fails(Path folder, int frames) {
        return assertThrows(DataException.class, () -> ClipFolders.read(folder, frames));
    }

    @Test
    void readsFrameFoldersInNumberOrderAndCutsThem() throws IOException {
        frameFolder("clip10", 1, 12, W, H);
        frameFolder("clip2", 0, 11, W, H);
        Files.writeString(tmp.resolve("clip2/notes.txt"), "not a frame");
        Clips clips = ClipFolders.read(tmp, 11);
        assertEquals(2, clips.size());
        assertEquals(1, clips.channels());
        assertEquals(11, clips.frames());
        assertEquals(H, clips.height());
        assertEquals(W, clips.width());
        // clip2 before clip10, frame2 before frame10, and clip10 cut from 12 frames to 11
        assertClip(clips, 0, 0, 11);
        assertClip(clips, 1, 1, 11);
        assertNull(clips.labels());
        assertTrue(clips.classNames().isEmpty());
        assertNull(clips.trajectory(0));
        assertEquals(0, clips.objects());
        assertFalse(clips.labelled());
    }

    @Test
    void readsGifsInNameOrder() throws IOException {
        gif("b.gif", 1, 5, W, H);
        gif("a.gif", 0, 4, W, H);
        Files.writeString(tmp.resolve("README.md"), "my clips");
        Files.writeString(tmp.resolve(".DS_Store"), "junk");
        Files.createDirectory(tmp.resolve(".thumbnails"));
        Clips clips = ClipFolders.read(tmp, 4);
        assertEquals(2, clips.size());
        assertEquals(1, clips.channels());
        assertClip(clips, 0, 0, 4);
        assertClip(clips, 1, 1, 4);
        assertEquals(tmp.toString(), clips.name());
    }

    @Test
    void clipSourcesOpensAFolderCutToTheSpecsFrames() throws IOException {
        gif("a.gif", 0, 20, W, H);
        ClipSource clips = ClipSources.open(tmp.toString(), new MotionSpec(16, 48, 1, 1, 3));
        assertEquals(16, clips.frames());
        assertClip((Clips) clips, 0, 0, 16);
    }

    @Test
    void oneColouredPixelMakesTheClipsRgb() throws IOException {
        Path a = frameFolder("a", 0, 3, W, H);
        frameFolder("b", 1, 3, W, H);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = value(0, 2, x, y);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        img.setRGB(1, 2, 0x102030);
        ImageIO.write(img, "png", a.resolve("frame3.png").toFile());
        Clips clips = ClipFolders.read(tmp, 3);
        assertEquals(3, clips.channels());
        int hw = H * W;
        int plane = 3 * hw;
        int at = 2 * hw + 2 * W + 1;  // frame 3 (t = 2), pixel (1, 2)
        assertEquals(0x10, clips.pixels()[at] & 0xff);
        assertEquals(0x20, clips.pixels()[plane + at] & 0xff);
        assertEquals(0x30, clips.pixels()[2 * plane + at] & 0xff);
        // a gray pixel of a gray frame is repeated in all three channels
        int g = hw + W;  // frame 2, pixel (0, 1)
        int v = value(0, 1, 0, 1);
        assertEquals(v, clips.pixels()[g] & 0xff);
        assertEquals(v, clips.pixels()[plane + g] & 0xff);
        assertEquals(v, clips.pixels()[2 * plane + g] & 0xff);
    }

    @Test
    void compositesPartialGifFramesWithTheirDisposal() throws IOException {
        Path file = tmp.resolve("partial.gif");
        PartialGif.write(file);
        Clips clips = ClipFolders.read(tmp, 4);
        assertEquals(1, clips.size());
        assertEquals(3, clips.channels());
        assertEquals(PartialGif.HEIGHT, clips.height());
        assertEquals(PartialGif.WIDTH, clips.width());
        byte[] px = new byte[clips.clipBytes()];
        clips.render(0, px, 0);
        int[][] want = PartialGif.expected();
        int hw = PartialGif.WIDTH * PartialGif.HEIGHT;
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < hw; p++) {
                int rgb = want[t][p];
                String where = "frame " + t + " pixel (" + p % PartialGif.WIDTH + ", " + p / PartialGif.WIDTH + ")";
                assertEquals((rgb >> 16) & 0xff, px[t * hw + p] & 0xff, where + " red");
                assertEquals((rgb >> 8) & 0xff, px[(4 + t) * hw + p] & 0xff, where + " green");
                assertEquals(rgb & 0xff, px[(8 + t) * hw + p] & 0xff, where + " blue");
            }
        }
    }

    @Test
    void orderingHelpers() {
        assertEquals("10", ClipFolders.frameNumber(Path.of("clip3_frame010.png")));
        assertEquals("0", ClipFolders.frameNumber(Path.of("000.jpg")));
        assertNull(ClipFolders.frameNumber(Path.of("first.png")));
        List<Path> names = new ArrayList<>(List.of(Path.of("c10"), Path.of("c2"), Path.of("b"), Path.of("c02")));
        names.sort(ClipFolders.byName());
        assertEquals(List.of(Path.of("b"), Path.of("c02"), Path.of("c2"), Path.of("c10")), names);
    }

    @Test
    void tooFewFramesNamesTheClipAndTheCounts() throws IOException {
        frameFolder("a", 0, 8, W, H);
        Path b = frameFolder("b", 1, 5, W, H);
        String m = fails(tmp, 8).getMessage();
        assertTrue(m.startsWith(b.toString()) && m.contains("5 PNG/JPEG frames") && m.contains("the 8 each clip"), m);

        Path other = Files.createDirectory(tmp.resolve("gifs"));
        Path g = gif("gifs/short.gif", 0, 3, W, H);
        m = fails(other, 4).getMessage();
        assertTrue(m.startsWith(g.toString()) && m.contains("3 frames") && m.contains("the 4 each clip"), m);
    }

    @Test
    void clipsOfDifferentSizesAreRefused() throws IOException {
        frameFolder("a", 0, 3, W, H);
        Path b = frameFolder("b", 1, 3, W + 2, H);
        String m = fails(tmp, 3).getMessage();
        assertTrue(m.startsWith(b.toString()) && m.contains((W + 2) + "x" + H) && m.contains("a has " + W + "x" + H),
                m);
    }

    @Test
    void framesOfDifferentSizesInOneClipAreRefused() throws IOException {
        Path a = frameFolder("a", 0, 3, W, H);
        ImageIO.write(grayFrame(0, 1, W, H + 1), "png", a.resolve("frame2.png").toFile());
        String m = fails(tmp, 3).getMessage();
        assertTrue(m.startsWith(a.resolve("frame2.png").toString()) && m.contains(W + "x" + (H + 1))
                && m.contains("frame1.png is " + W + "x" + H), m);
    }

    @Test
    void framesOverTheSizeLimitAreRefused() throws IOException {
        gif("big.gif", 0, 2, ClipFolders.MAX_SIDE + 1, 8);
        String m = fails(tmp, 2).getMessage();
        assertTrue(m.contains("big.gif") && m.contains((ClipFolders.MAX_SIDE + 1) + "x8")
                && m.contains("larger than the 512x512"), m);
    }

    @Test
    void layoutErrorsNameWhatWasFound() throws IOException {
        String m = fails(tmp, 2).getMessage();
        assertTrue(m.startsWith(tmp.toString()) && m.contains("no clips found"), m);
        Files.writeString(tmp.resolve("README"), "x");
        m = fails(tmp, 2).getMessage();
        assertTrue(m.contains("no clips found") && m.contains("1 other file ignored"), m);

        gif("a.gif", 0, 2, W, H);
        frameFolder("b", 0, 2, W, H);
        m = fails(tmp, 2).getMessage();
        assertTrue(m.contains("both GIFs (a.gif) and sub-folders (b)"), m);

        Path stills = Files.createDirectory(tmp.resolve("stills"));
        ImageIO.write(grayFrame(0, 0, W, H), "png", stills.resolve("x1.png").toFile());
        m = fails(stills, 2).getMessage();
        assertTrue(m.startsWith(stills.toString()) && m.contains("still images directly (x1.png)"), m);

        m = assertThrows(DataException.class, () -> ClipFolders.read(tmp.resolve("nope"), 2)).getMessage();
        assertTrue(m.contains("nope: no such folder"), m);
    }

    @Test
    void frameNamesNeedDistinctNumbers() throws IOException {
        Path a = frameFolder("a", 0, 2, W, H);
        ImageIO.write(grayFrame(0, 0, W, H), "png", a.resolve("cover.png").toFile());
        String m = fails(tmp, 2).getMessage();
        assertTrue(m.startsWith(a.resolve("cover.png").toString()) && m.contains("needs a number"), m);

        Files.delete(a.resolve("cover.png"));
        ImageIO.write(grayFrame(0, 0, W, H), "png", a.resolve("frame01.png").toFile());
        m = fails(tmp, 2).getMessage();
        assertTrue(m.startsWith(a.toString()) && m.contains("frame01.png") && m.contains("frame1.png")
                && m.contains("same number"), m);
    }

    @Test
    void shortInterlacedGifFramesAreRefused() throws IOException {
        // jgan's GIFs are not interlaced: a strip 3 rows high reads back exactly
        gif("strip.gif", 0, 2, W, 3);
        Clips clips = ClipFolders.read(tmp, 2);
        assertEquals(3, clips.height());
        // the JDK's GIF writer interlaces by default, and its reader misplaces the rows of interlaced frames 2 to 4
        // rows high: such a file is refused, naming the frame
        Path other = Files.createDirectory(tmp.resolve("interlaced"));
        Path g = other.resolve("strip.gif");
        javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(g.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (int t = 0; t < 2; t++) {
                w.writeToSequence(new javax.imageio.IIOImage(grayFrame(0, t, W, 3), null, null), null);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        String m = fails(other, 2).getMessage();
        assertTrue(m.startsWith(g.toString()) && m.contains("is an interlaced strip 3 rows high"), m);
    }

    @Test
    void damagedImagesAreNamed() throws IOException {
        Path gifs = Files.createDirectory(tmp.resolve("gifs"));
        gif("gifs/a.gif", 0, 2, W, H);
        Files.write(gifs.resolve("b.gif"), new byte[]{'G', 'I', 'F', '8', '9', 'a', 1, 2, 3});
        String m = fails(gifs, 2).getMessage();
        assertTrue(m.startsWith(gifs.resolve("b.gif").toString()) && m.contains("not a readable GIF"), m);

        Path frames = Files.createDirectory(tmp.resolve("frames"));
        Path a = frameFolder("frames/a", 0, 2, W, H);
        Files.writeString(a.resolve("frame1.png"), "not a png");
        m = fails(frames, 2).getMessage();
        assertTrue(m.startsWith(a.resolve("frame1.png").toString()) && m.contains("not a readable PNG or JPEG"), m);
    }
}
