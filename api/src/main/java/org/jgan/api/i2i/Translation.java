package org.jgan.api.i2i;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.ImageFiles;
import org.jgan.models.i2i.TranslationInputs;

/**
 * What {@link ImageToImageRun#translate} returns: the outputs, and the figures the inputs allow.
 *
 * @param direction       AtoB or BtoA
 * @param inputs          the images translated, with their targets and labels when they have them
 * @param outputs         the translations, in input order
 * @param againstTargets  outputs against the inputs' targets; null when the inputs have none
 * @param reconstructions the outputs mapped back by the inverse network; null when the run has none
 * @param cycle           the reconstructions against the inputs, the cycle consistency of Zhu et al. 2017; null when
 *                        the run has no inverse network
 */
public record Translation(String direction, TranslationInputs inputs, ImageFiles.Decoded outputs,
                          Quality againstTargets, ImageFiles.Decoded reconstructions, Quality cycle) {
    /** The columns of a comparison grid: input | output, then target and reconstruction where there are any. */
    public List<ImageFiles.Decoded> comparisonColumns() {
        List<ImageFiles.Decoded> cols = new ArrayList<>(List.of(inputs.inputs(), outputs));
        if (inputs.targets() != null) {
            cols.add(inputs.targets());
        }
        if (reconstructions != null) {
            cols.add(reconstructions);
        }
        return cols;
    }
}
