package org.jgan.models.text2image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;

/** A small folder of generated 28x28 images with a captions.txt whose captions name each image's shape and size. */
final class CaptionedFolder {
    static final String[] SIZES = {"small", "large"};

    private CaptionedFolder() {
    }

    static Path write(Path dir, int n) throws IOException {
        ImageDataset d = SyntheticData.shapes(n, 28, 5);
        Files.createDirectories(dir);
        StringBuilder captions = new StringBuilder();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = new byte[28 * 28];
            System.arraycopy(d.pixels(), i * px.length, px, 0, px.length);
            img.getRaster().setDataElements(0, 0, 28, 28, px);
            String name = String.format("img-%03d.png", i);
            ImageIO.write(img, "png", dir.resolve(name).toFile());
            captions.append(name).append('\t').append("a ").append(SIZES[i % 2]).append(" shape number ")
                    .append(d.labels()[i]).append('\n');
        }
        Files.writeString(dir.resolve("captions.txt"), captions, StandardCharsets.UTF_8);
        return dir;
    }
}
