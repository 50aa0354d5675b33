package org.jgan.models.i2i;

import java.util.List;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;

/**
 * What {@code translate} and {@code upscale} need from an image-to-image variant beyond {@link
 * org.jgan.core.train.GanVariant}: which checkpointed network maps images in a direction, how to build it, and the
 * channels and scale on each side.
 */
public interface ImageToImage {
    String A_TO_B = "AtoB";
    String B_TO_A = "BtoA";

    /**
     * The name of the network (as saved in checkpoints) that translates in {@code direction}, AtoB or BtoA; a
     * ConfigException naming the run's model when it cannot.
     */
    String translatorName(TrainConfig config, String direction);

    /** A freshly built network of that name's architecture; the caller loads its weights. */
    GanNet buildTranslator(TrainConfig config, DataShape shape, String direction);

    /** Channels of the images the translator in {@code direction} takes. */
    int inputChannels(TrainConfig config, DataShape shape, String direction);

    /** Channels of the images it returns. */
    int outputChannels(TrainConfig config, DataShape shape, String direction);

    /** Output side / input side: 1 for translation, 2 or 4 for super-resolution. */
    default int scale(TrainConfig config) {
        return 1;
    }

    /**
     * The directions a run of this variant has a network for, the one sampling uses first. Both directions mean each
     * network has an inverse, so a translation can be mapped back and compared with its input (the cycle consistency
     * of Zhu et al. 2017).
     */
    default List<String> directions(TrainConfig config) {
        return List.of(A_TO_B);
    }

    /** BtoA for AtoB and AtoB for anything else. */
    static String opposite(String direction) {
        return A_TO_B.equals(direction) ? B_TO_A : A_TO_B;
    }
}
