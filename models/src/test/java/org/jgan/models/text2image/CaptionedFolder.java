package org.jgan.models.text2image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.captions.CaptionsFile;

/** A small folder of generated 28x28 images with a captions.txt whose captions name each image's shape and size. */
final class CaptionedFolder {
    static final String[] SIZES = {"small", "large"};

    private CaptionedFolder() {
    }

    static Path write(Path dir, int n) throws IOException {
        ImageDataset d = SyntheticData.shapes(n, 28, 5);
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            captions.add("a " + SIZES[i % 2] + " shape number " + d.labels()[i]);
        }
        return CaptionsFile.write(dir, d, captions);
    }
}
