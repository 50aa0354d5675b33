package org.jgan.models.cgan;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ConditionalBatchNorm;
import org.jgan.core.train.DataShape;
import org.jgan.models.dcgan.DcganGenerator;

/**
 * Conditional DCGAN generator (Mirza and Osindero 2014) with class-conditional batch norm (de Vries et al. 2017, as in
 * Miyato and Koyama 2018): the DCGAN generator's layers, z the only input, and every batch norm's scale and shift
 * chosen by the class. An earlier version concatenated a label embedding to z; on Fashion-MNIST it ignored z within
 * a class (recall 0.000 at 5 epochs), see {@link ConditionalBatchNorm}.
 */
public final class CganGenerator extends DcganGenerator {
    public CganGenerator(int latentDim, int width, DataShape shape) {
        super(latentDim, width, shape, shape.numClasses());
    }

    /** The class-conditional scales and shifts at their starting spread; call after the generic initialiser. */
    public void initConditioning(long seed) {
        long s = seed;
        for (ConditionalBatchNorm c : conditionalNorms()) {
            c.reset(s++);
        }
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (one class index per latent)");
        }
        return super.forward(z, labels);
    }
}
