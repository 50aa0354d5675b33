package org.jgan.core.data.clips;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.jgan.core.data.DataException;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Decodes an animated GIF into whole frames with the JDK's GIF reader. A GIF frame may cover only part of the logical
 * screen and says what happens to its area before the next frame is drawn (its disposal method), so each frame is
 * drawn at its position onto a canvas the size of the logical screen, transparent pixels letting the canvas show
 * through, and the canvas after drawing is the frame a viewer shows. Disposal: "none" and "doNotDispose" (and the
 * reserved values) leave the canvas; "restoreToBackgroundColor" fills the frame's area with the background colour;
 * "restoreToPrevious" puts back the canvas as it was before the frame. The background, also the canvas's start, is the
 * global colour table's background colour, black when there is no global table.
 */
final class GifFrames {
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    private GifFrames() {
    }

    /** The first {@code frames} whole frames of {@code file}, which must have that many and be at most maxSide a side. */
    static ClipFolders.Frames read(Path file, int frames, int maxSide) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) {
            throw new DataException(file + ": this Java runtime has no GIF reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataException(file + ": cannot open file");
            }
            reader.setInput(in, false, false);
            int total = reader.getNumImages(true);
            if (total < frames) {
                throw new DataException(file + ": " + total + " frame" + (total == 1 ? "" : "s") + ", fewer than the "
                        + frames + " each clip needs");
            }
            return composite(file, reader, frames);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            // The JDK's reader reports damage as IIOException and, for some truncations, as unchecked exceptions.
            throw new DataException(file + ": not a readable GIF (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static ClipFolders.Frames composite(Path file, ImageReader reader, int frames) throws IOException {
        Node screen = child(reader.getStreamMetadata().getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
        Node first = child(reader.getImageMetadata(0).getAsTree(IMAGE_FORMAT), "ImageDescriptor");
        int w = intAttr(screen, "logicalScreenWidth", 0);
        int h = intAttr(screen, "logicalScreenHeight", 0);
        if (w <= 0 || h <= 0) {
            // Some encoders leave the logical screen 0x0; the first frame then sets the size.
            w = intAttr(first, "imageLeftPosition", 0) + intAttr(first, "imageWidth", 0);
            h = intAttr(first, "imageTopPosition", 0) + intAttr(first, "imageHeight", 0);
        }
        ClipFolders.checkSize(file, w, h);
        Color background = background(reader.getStreamMetadata());
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setBackground(background);
            g.clearRect(0, 0, w, h);
            byte[] rgb = new byte[3 * frames * h * w];
            int[] argb = new int[h * w];
            boolean gray = true;
            for (int t = 0; t < frames; t++) {
                Node root = reader.getImageMetadata(t).getAsTree(IMAGE_FORMAT);
                Node desc = child(root, "ImageDescriptor");
                Node control = child(root, "GraphicControlExtension");
                String disposal = control == null ? "none" : attr(control, "disposalMethod", "none");
                int x = intAttr(desc, "imageLeftPosition", 0);
                int y = intAttr(desc, "imageTopPosition", 0);
                int rows = intAttr(desc, "imageHeight", 0);
                if (attr(desc, "interlaceFlag", "FALSE").equals("TRUE") && rows >= 2 && rows <= 4) {
                    // The JDK's reader drops and swaps rows of interlaced frames this short (checked on JDK 17);
                    // refusing beats training on scrambled frames.
                    throw new DataException(file + ": frame " + (t + 1) + " is an interlaced strip " + rows
                            + " rows high, which Java's GIF reader decodes wrongly; save the GIF without interlacing");
                }
                BufferedImage img = reader.read(t);
                int[] before = disposal.equals("restoreToPrevious") ? canvas.getRGB(0, 0, w, h, null, 0, w) : null;
                g.setComposite(AlphaComposite.SrcOver);
                g.drawImage(img, x, y, null);
                canvas.getRGB(0, 0, w, h, argb, 0, w);
                gray &= ClipFolders.putFrame(argb, rgb, t, frames);
                if (disposal.equals("restoreToBackgroundColor")) {
                    g.clearRect(x, y, img.getWidth(), img.getHeight());
                } else if (before != null) {
                    canvas.setRGB(0, 0, w, h, before, 0, w);
                }
            }
            return new ClipFolders.Frames(w, h, rgb, gray);
        } finally {
            g.dispose();
        }
    }

    /** The global colour table's background colour; black when the GIF has no global table. */
    private static Color background(IIOMetadata stream) {
        Node table = child(stream.getAsTree(STREAM_FORMAT), "GlobalColorTable");
        if (table == null) {
            return Color.BLACK;
        }
        int index = intAttr(table, "backgroundColorIndex", 0);
        for (Node e = table.getFirstChild(); e != null; e = e.getNextSibling()) {
            if (intAttr(e, "index", -1) == index) {
                return new Color(intAttr(e, "red", 0), intAttr(e, "green", 0), intAttr(e, "blue", 0));
            }
        }
        return Color.BLACK;
    }

    private static Node child(Node root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static String attr(Node node, String name, String otherwise) {
        NamedNodeMap attrs = node == null ? null : node.getAttributes();
        Node a = attrs == null ? null : attrs.getNamedItem(name);
        return a == null ? otherwise : a.getNodeValue();
    }

    private static int intAttr(Node node, String name, int otherwise) {
        String v = attr(node, name, null);
        try {
            return v == null ? otherwise : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
