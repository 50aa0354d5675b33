package org.jgan.api.i2i;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.ImageFiles;

/**
 * What {@link ImageToImageRun#upscale} and {@link ImageToImageRun#degradeAndUpscale} return: the network's upscaled
 * images beside bicubic upscaling, the baseline of Ledig et al. 2017, and with originals the figures of both.
 *
 * @param scale          output side / input side
 * @param lowRes         the images upscaled
 * @param bicubic        bicubic upscaling of {@code lowRes}
 * @param superResolved  the network's upscaling of {@code lowRes}
 * @param originals      the high-resolution images {@code lowRes} was made from; null unless degraded
 * @param networkQuality {@code superResolved} against {@code originals}; null unless degraded
 * @param bicubicQuality {@code bicubic} against {@code originals}; null unless degraded
 */
public record Upscaling(int scale, ImageFiles.Decoded lowRes, ImageFiles.Decoded bicubic,
                        ImageFiles.Decoded superResolved, ImageFiles.Decoded originals, Quality networkQuality,
                        Quality bicubicQuality) {
    /** The columns of a comparison grid: low resolution | bicubic | network, then the originals when known. */
    public List<ImageFiles.Decoded> comparisonColumns() {
        List<ImageFiles.Decoded> cols = new ArrayList<>(List.of(lowRes, bicubic, superResolved));
        if (originals != null) {
            cols.add(originals);
        }
        return cols;
    }
}
