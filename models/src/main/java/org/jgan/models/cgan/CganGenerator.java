package org.jgan.models.cgan;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.DataShape;
import org.jgan.models.dcgan.DcganGenerator;

/**
 * Conditional DCGAN generator (Mirza and Osindero 2014): a learned class embedding is concatenated to z and the
 * result goes through the DCGAN generator.
 */
public final class CganGenerator extends DcganGenerator {
    static final int EMBEDDING = 50;
    private final EmbeddingImpl embed;

    public CganGenerator(int latentDim, int width, DataShape shape) {
        super(latentDim + EMBEDDING, width, shape);
        embed = register_module("embed", new EmbeddingImpl(shape.numClasses(), EMBEDDING));
    }

    /** Class embeddings from N(0, 1), on the scale of z, so labels steer G from the first step. */
    public void initEmbedding(long seed) {
        try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
            embed.weight().normal_(0.0, 1.0, new org.bytedeco.pytorch.GeneratorOptional(
                    torch.createCPUGenerator(seed)));
        }
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (sample --class K or all)");
        }
        return super.forward(torch.cat(new TensorVector(z, embed.forward(labels)), 1), null);
    }
}
