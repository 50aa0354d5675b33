package org.jgan.core.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A network of a GAN: a libtorch module whose forward is written in Java. Generators map a latent batch (or a source
 * image, for image-to-image models) to images; discriminators map images to logits. {@code labels} is null for
 * unconditional models.
 *
 * <p>Sub-modules must be registered ({@code register_module}) so that parameters, buffers, checkpoints and the EMA
 * copy see them. Networks are long-lived: build them outside any {@code StepScope}, or the scope would free the Java
 * handles of their layers when it closes.
 */
public abstract class GanNet extends Module {
    protected GanNet() {
        super();
        if (org.bytedeco.javacpp.PointerScope.getInnerScope() != null) {
            throw new IllegalStateException("build networks outside a StepScope: the scope would free their layers");
        }
    }

    public abstract Tensor forward(Tensor input, Tensor labels);
}
