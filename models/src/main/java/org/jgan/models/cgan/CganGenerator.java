package org.jgan.models.cgan;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ClassNorms;
import org.jgan.core.nn.ConditionalBatchNorm;
import org.jgan.core.train.DataShape;
import org.jgan.models.dcgan.DcganGenerator;

/**
 * Conditional DCGAN generator (Mirza and Osindero 2014): the DCGAN generator's layers with the class given as
 * {@link CganConfig#labelInput()} says, through class-conditional batch norm (de Vries et al. 2017, as in Miyato
 * and Koyama 2018), a one-hot vector concatenated to z, or both. A learned label embedding concatenated to z is not
 * offered: on Fashion-MNIST it made G ignore z within a class (recall 0.000 at 5 epochs), see
 * {@link ConditionalBatchNorm}; a fixed one-hot vector cannot grow to drown z out the same way.
 */
public final class CganGenerator extends DcganGenerator implements ClassConditioned {
    private final long classes;
    private final boolean oneHot;

    public CganGenerator(int latentDim, int width, DataShape shape, CganConfig cfg) {
        super(latentDim + (cfg.oneHot() ? shape.numClasses() : 0), width, shape,
                cfg.conditionalNorm() ? shape.numClasses() : 0);
        this.classes = shape.numClasses();
        this.oneHot = cfg.oneHot();
    }

    @Override
    public void initConditioning(long seed) {
        ClassNorms.reset(conditionalNorms(), seed);
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        return super.forward(input(z, labels, classes, oneHot), labels);
    }

    /** G's input for {@code labels}: z, with the one-hot class beside it when {@code oneHot}. */
    static Tensor input(Tensor z, Tensor labels, long classes, boolean oneHot) {
        if (labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (one class index per latent)");
        }
        return oneHot ? torch.cat(new TensorVector(z, torch.one_hot(labels, classes).to(z.scalar_type())), 1) : z;
    }
}
