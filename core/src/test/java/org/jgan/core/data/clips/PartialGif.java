package org.jgan.core.data.clips;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A hand-made 8x6 GIF whose frames cover only part of the logical screen and use each disposal method, written with
 * the JDK's GIF writer and its native metadata, with the frames a viewer shows ({@link #expected}) worked out by hand.
 */
final class PartialGif {
    static final int WIDTH = 8;
    static final int HEIGHT = 6;
    private static final int BLACK = 0x000000;
    private static final int RED = 0xff0000;
    private static final int GRAY = 0x646464;
    private static final int BLUE = 0x0000c8;
    private static final int GREEN = 0x00a000;
    /** Index 0 is the transparent colour, index 4 the background colour. */
    private static final int[] PALETTE = {BLACK, RED, GRAY, BLUE, GREEN, BLACK, BLACK, BLACK};

    private PartialGif() {
    }

    /** A frame: its area, one palette index filling it, and what happens to it afterwards. */
    private record Frame(int x, int y, int w, int h, int index, String disposal, boolean transparentCorner) {
    }

    private static final Frame[] FRAMES = {
        new Frame(0, 0, WIDTH, HEIGHT, 2, "none", false),
        new Frame(2, 1, 3, 2, 3, "restoreToBackgroundColor", false),
        // its top-left pixel is the transparent index 0, so what lies beneath shows through
        new Frame(5, 3, 2, 2, 1, "restoreToPrevious", true),
        new Frame(0, 0, 1, 1, 1, "none", false),
    };

    /** The four whole frames, packed RGB, row-major. */
    static int[][] expected() {
        int[] f0 = new int[WIDTH * HEIGHT];
        Arrays.fill(f0, GRAY);
        int[] f1 = f0.clone();
        fill(f1, 2, 1, 3, 2, BLUE);
        int[] disposed1 = f0.clone();
        fill(disposed1, 2, 1, 3, 2, GREEN);  // restored to the global table's background colour
        int[] f2 = disposed1.clone();
        fill(f2, 5, 3, 2, 2, RED);
        f2[3 * WIDTH + 5] = disposed1[3 * WIDTH + 5];
        int[] f3 = disposed1.clone();  // frame 2 restored to what was before it
        f3[0] = RED;
        return new int[][]{f0, f1, f2, f3};
    }

    private static void fill(int[] img, int x0, int y0, int w, int h, int rgb) {
        for (int y = y0; y < y0 + h; y++) {
            Arrays.fill(img, y * WIDTH + x0, y * WIDTH + x0 + w, rgb);
        }
    }

    static void write(Path file) throws IOException {
        byte[] r = new byte[PALETTE.length];
        byte[] g = new byte[PALETTE.length];
        byte[] b = new byte[PALETTE.length];
        for (int i = 0; i < PALETTE.length; i++) {
            r[i] = (byte) (PALETTE[i] >> 16);
            g[i] = (byte) (PALETTE[i] >> 8);
            b[i] = (byte) PALETTE[i];
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            IIOMetadata stream = writer.getDefaultStreamMetadata(null);
            String sf = stream.getNativeMetadataFormatName();
            IIOMetadataNode root = new IIOMetadataNode(sf);
            IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
            screen.setAttribute("logicalScreenWidth", Integer.toString(WIDTH));
            screen.setAttribute("logicalScreenHeight", Integer.toString(HEIGHT));
            screen.setAttribute("colorResolution", "8");
            screen.setAttribute("pixelAspectRatio", "0");
            root.appendChild(screen);
            root.appendChild(colorTable("GlobalColorTable", r, g, b));
            stream.mergeTree(sf, root);
            writer.prepareWriteSequence(stream);
            for (Frame f : FRAMES) {
                IndexColorModel cm = f.transparentCorner ? new IndexColorModel(8, PALETTE.length, r, g, b, 0)
                        : new IndexColorModel(8, PALETTE.length, r, g, b);
                BufferedImage img = new BufferedImage(f.w, f.h, BufferedImage.TYPE_BYTE_INDEXED, cm);
                for (int y = 0; y < f.h; y++) {
                    for (int x = 0; x < f.w; x++) {
                        img.getRaster().setSample(x, y, 0, f.transparentCorner && x == 0 && y == 0 ? 0 : f.index);
                    }
                }
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img),
                        null);
                IIOMetadataNode tree = frameTree(meta, f);
                // Without its own table the writer keeps the default metadata's palette, not the image's.
                tree.appendChild(colorTable("LocalColorTable", r, g, b));
                meta.mergeTree(meta.getNativeMetadataFormatName(), tree);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode frameTree(IIOMetadata meta, Frame f) {
        IIOMetadataNode root = new IIOMetadataNode(meta.getNativeMetadataFormatName());
        IIOMetadataNode desc = new IIOMetadataNode("ImageDescriptor");
        desc.setAttribute("imageLeftPosition", Integer.toString(f.x));
        desc.setAttribute("imageTopPosition", Integer.toString(f.y));
        desc.setAttribute("imageWidth", Integer.toString(f.w));
        desc.setAttribute("imageHeight", Integer.toString(f.h));
        desc.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(desc);
        IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
        gce.setAttribute("disposalMethod", f.disposal);
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", f.transparentCorner ? "TRUE" : "FALSE");
        gce.setAttribute("delayTime", "10");
        gce.setAttribute("transparentColorIndex", "0");
        root.appendChild(gce);
        return root;
    }

    private static IIOMetadataNode colorTable(String name, byte[] r, byte[] g, byte[] b) {
        IIOMetadataNode table = new IIOMetadataNode(name);
        boolean global = name.equals("GlobalColorTable");
        table.setAttribute(global ? "sizeOfGlobalColorTable" : "sizeOfLocalColorTable",
                Integer.toString(PALETTE.length));
        table.setAttribute("sortFlag", "FALSE");
        if (global) {
            table.setAttribute("backgroundColorIndex", "4");
        }
        for (int i = 0; i < PALETTE.length; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString(r[i] & 0xff));
            e.setAttribute("green", Integer.toString(g[i] & 0xff));
            e.setAttribute("blue", Integer.toString(b[i] & 0xff));
            table.appendChild(e);
        }
        return table;
    }
}
