package org.jgan.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jgan.core.train.AtomicFiles;

/**
 * Writes frames as a looping animated GIF with the JDK's own GIF writer: each frame's metadata carries its delay, and
 * the first frame the NETSCAPE2.0 application extension that tells viewers to loop forever.
 */
public final class AnimatedGif {
    private AnimatedGif() {
    }

    /** Writes {@code frames} (all one size) to {@code file}, {@code delayMs} per frame, looping forever. */
    public static void write(List<BufferedImage> frames, int delayMs, Path file) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    BufferedImage f = frames.get(i);
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f),
                            writer.getDefaultWriteParam());
                    frameMetadata(meta, delayMs, i == 0);
                    writer.writeToSequence(new IIOImage(f, null, meta), writer.getDefaultWriteParam());
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static void frameMetadata(IIOMetadata meta, int delayMs, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMs / 10)));  // hundredths of a second
        gce.setAttribute("transparentColorIndex", "0");
        // Not interlaced: the JDK's own GIF reader decodes interlaced frames of 2 to 4 rows wrongly, and a clip's
        // frames should read back exactly wherever they go.
        child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[]{1, 0, 0});  // sub-block 1, loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
