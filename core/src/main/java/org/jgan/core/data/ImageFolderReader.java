package org.jgan.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG/JPEG images. When the folder holds only sub-folders of images, each sub-folder is a class
 * (sorted by name), as torchvision's ImageFolder does. All images must share one size; the data set is grayscale when
 * every image is, RGB otherwise.
 */
public final class ImageFolderReader {
    private ImageFolderReader() {
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    public static ImageDataset read(Path dir) {
        List<Path> subdirs = list(dir).stream().filter(Files::isDirectory).sorted().toList();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<Path> top = list(dir).stream().filter(ImageFolderReader::isImage).sorted().toList();
        if (top.isEmpty() && !subdirs.isEmpty()) {
            for (Path sub : subdirs) {
                List<Path> imgs = list(sub).stream().filter(ImageFolderReader::isImage).sorted().toList();
                if (imgs.isEmpty()) {
                    continue;
                }
                classes.add(sub.getFileName().toString());
                for (Path p : imgs) {
                    files.add(p);
                    labels.add(classes.size() - 1);
                }
            }
        } else {
            files.addAll(top);
        }
        if (files.isEmpty()) {
            throw new DataException(dir + ": no PNG or JPEG images found (looked for *.png, *.jpg, *.jpeg, and in "
                    + "class sub-folders)");
        }
        List<BufferedImage> images = new ArrayList<>(files.size());
        boolean allGray = true;
        for (Path f : files) {
            BufferedImage img = readImage(f);
            BufferedImage first = images.isEmpty() ? img : images.get(0);
            if (img.getWidth() != first.getWidth() || img.getHeight() != first.getHeight()) {
                throw new DataException(f + ": image is " + img.getWidth() + "x" + img.getHeight() + " but "
                        + files.get(0).getFileName() + " is " + first.getWidth() + "x" + first.getHeight()
                        + "; all images must share one size");
            }
            allGray &= img.getColorModel().getNumColorComponents() == 1;
            images.add(img);
        }
        int c = allGray ? 1 : 3;
        int h = images.get(0).getHeight();
        int w = images.get(0).getWidth();
        byte[] pixels = new byte[images.size() * c * h * w];
        for (int i = 0; i < images.size(); i++) {
            Pixels.toChw(images.get(i), c, pixels, i * c * h * w);
        }
        int[] lab = classes.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new ImageDataset(dir.toString(), c, h, w, pixels, lab, classes);
    }

    static BufferedImage readImage(Path f) {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new DataException(f + ": not a readable PNG or JPEG image");
            }
            return img;
        } catch (IOException e) {
            throw new DataException(f + ": cannot read image (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
    }
}
