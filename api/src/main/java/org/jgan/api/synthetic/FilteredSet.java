package org.jgan.api.synthetic;

import org.jgan.core.data.ImageDataset;

/**
 * What a {@link ConfidenceFilter} kept, and how many images it drew to get there.
 *
 * @param images the kept images, class by class, every class full
 * @param drawn  images generated and judged, kept or not
 */
public record FilteredSet(ImageDataset images, int drawn) {
    /** How many images were kept. */
    public int kept() {
        return images.size();
    }
}
