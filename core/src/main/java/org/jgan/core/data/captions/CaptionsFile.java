package org.jgan.core.data.captions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.ImageFolderReader;

/**
 * A user's own captioned images, the kind of data text-to-image GANs learn from (Reed et al. 2016, "Generative
 * Adversarial Text to Image Synthesis"): a folder of PNG/JPEG images, read as {@link ImageFolderReader} reads it, and
 * in it a UTF-8 text file {@value #FILE_NAME} with one line per image:
 * <pre>
 * FILE_NAME&lt;TAB&gt;caption
 * </pre>
 * FILE_NAME is the image's name in the folder, or SUB/NAME for images in class sub-folders. Blank lines are skipped;
 * spaces around the name and the caption are ignored; the caption is the rest of the line after the first tab.
 * Every image needs exactly one caption and every caption an image; each problem is reported with the file and line.
 */
public final class CaptionsFile {
    /** The captions file inside the image folder. */
    public static final String FILE_NAME = "captions.txt";

    private CaptionsFile() {
    }

    /** The images of {@code folder} with their captions, in the reader's image order. */
    public static CaptionedImages open(Path folder) {
        ImageDataset images = ImageFolderReader.read(folder);
        List<String> captions = read(folder);
        if (captions.size() != images.size()) {
            // imageNames must list the images as ImageFolderReader does; a mismatch is a bug here, not bad input.
            throw new IllegalStateException(folder + ": listed " + captions.size() + " images but read "
                    + images.size());
        }
        return CaptionedImages.ofTexts(images, captions);
    }

    /**
     * Writes the grayscale images of {@code images} into {@code folder} as PNGs ({@code 00000.png}, ...) with a
     * {@value #FILE_NAME} giving image i the caption {@code captions.get(i)}: the folder {@link #open} reads back (a
     * generated captioned data set, for checks and tests). The captions file is written last, via a temporary file.
     */
    public static Path write(Path folder, ImageDataset images, List<String> captions) throws IOException {
        if (images.channels() != 1 || captions.size() != images.size()) {
            throw new DataException(images.name() + ": writing a captioned folder needs grayscale images and one "
                    + "caption each; got " + images.channels() + " channels, " + images.size() + " images and "
                    + captions.size() + " captions");
        }
        Files.createDirectories(folder);
        StringBuilder lines = new StringBuilder();
        int per = images.imageBytes();
        for (int i = 0; i < images.size(); i++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(images.width(), images.height(),
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, images.width(), images.height(),
                    java.util.Arrays.copyOfRange(images.pixels(), i * per, (i + 1) * per));
            String name = String.format("%05d.png", i);
            javax.imageio.ImageIO.write(img, "png", folder.resolve(name).toFile());
            lines.append(name).append('\t').append(captions.get(i)).append('\n');
        }
        Path tmp = folder.resolve("." + FILE_NAME + ".tmp-" + System.nanoTime());
        Files.writeString(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return folder;
    }

    /** The captions of the images of {@code folder}, in the order {@link ImageFolderReader} reads the images. */
    public static List<String> read(Path folder) {
        return read(folder.resolve(FILE_NAME), imageNames(folder), folder);
    }

    /**
     * The images of {@code folder} as captions name them, in the order {@link ImageFolderReader} reads them: the
     * images at the top sorted by name, or, when there are none, each class sub-folder (sorted) with its images sorted.
     */
    public static List<String> imageNames(Path folder) {
        List<Path> entries = list(folder);
        List<Path> top = entries.stream().filter(ImageFolderReader::isImage).sorted().toList();
        List<String> names = new ArrayList<>();
        if (top.isEmpty()) {
            for (Path sub : entries.stream().filter(Files::isDirectory).sorted().toList()) {
                for (Path p : list(sub).stream().filter(ImageFolderReader::isImage).sorted().toList()) {
                    names.add(sub.getFileName() + "/" + p.getFileName());
                }
            }
        } else {
            top.forEach(p -> names.add(p.getFileName().toString()));
        }
        if (names.isEmpty()) {
            throw new DataException(folder + ": no PNG or JPEG images found (looked for *.png, *.jpg, *.jpeg, and in "
                    + "class sub-folders)");
        }
        return names;
    }

    static List<String> read(Path file, List<String> imageNames, Path folder) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file; captioned images need a " + FILE_NAME + " beside them "
                    + "with one line per image: FILE_NAME<TAB>caption");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < imageNames.size(); i++) {
            index.put(imageNames.get(i), i);
        }
        String[] captions = new String[imageNames.size()];
        int[] lineOf = new int[imageNames.size()];
        int start = 0;
        for (int lineNo = 1; start < bytes.length || lineNo == 1; lineNo++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = decode(bytes, start, end, file, lineNo);
            start = end + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            if (line.isBlank()) {
                continue;
            }
            String where = file + " line " + lineNo + ": ";
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new DataException(where + "no tab; each line is FILE_NAME<TAB>caption");
            }
            String name = line.substring(0, tab).strip();
            String caption = line.substring(tab + 1).strip();
            if (name.isEmpty()) {
                throw new DataException(where + "no file name before the tab");
            }
            if (caption.isEmpty()) {
                throw new DataException(where + "the caption of " + name + " is empty");
            }
            Integer i = index.get(name);
            if (i == null) {
                throw new DataException(where + name + " is not an image in " + folder + hint(imageNames));
            }
            if (captions[i] != null) {
                throw new DataException(where + name + " already has a caption on line " + lineOf[i]);
            }
            captions[i] = caption;
            lineOf[i] = lineNo;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < captions.length; i++) {
            if (captions[i] == null) {
                missing.add(imageNames.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(file + ": no caption for " + missing.size() + " of " + captions.length
                    + " images: " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + (missing.size() > 5 ? ", ..." : ""));
        }
        return List.of(captions);
    }

    /** Line {@code lineNo} (bytes start..end) as text, a trailing carriage return dropped; refuses bad UTF-8. */
    private static String decode(byte[] bytes, int start, int end, Path file, int lineNo) {
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException(file + " line " + lineNo + ": not valid UTF-8 text (" + FILE_NAME
                    + " must be saved as UTF-8)", e);
        }
    }

    private static String hint(List<String> imageNames) {
        String first = imageNames.get(0);
        return first.contains("/") ? " (images in class sub-folders are named SUB/FILE, e.g. " + first + ")"
                : " (e.g. " + first + ")";
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
    }
}
