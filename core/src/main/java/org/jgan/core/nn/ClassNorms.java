package org.jgan.core.nn;

import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * The batch norms of a generator that may take its class through them: class-conditional batch norm (de Vries et al.
 * 2017) when given a class count, plain batch norm (Ioffe and Szegedy 2015) otherwise, both called as
 * {@code norm.apply(x, labels)} so that the generator's forward pass is the same either way.
 */
public final class ClassNorms {
    private ClassNorms() {
    }

    /**
     * Registers a norm of {@code features} channels on {@code owner} under {@code name} and adds it to
     * {@code conditional} or {@code plain} (either list may be null when the caller does not need it).
     *
     * @param classes 0 for plain batch norm, else the number of classes
     */
    public static BiFunction<Tensor, Tensor, Tensor> register(Module owner, String name, long features, long classes,
                                                              List<ConditionalBatchNorm> conditional,
                                                              List<BatchNorm2dImpl> plain) {
        if (classes > 0) {
            ConditionalBatchNorm c = owner.register_module(name, new ConditionalBatchNorm(classes, features));
            if (conditional != null) {
                conditional.add(c);
            }
            return c::forward;
        }
        BatchNorm2dImpl b = owner.register_module(name, Layers.bn2d(features));
        if (plain != null) {
            plain.add(b);
        }
        return (x, labels) -> b.forward(x);
    }

    /** The class-conditional norms' scales and shifts at their starting spread, norm {@code i} seeded {@code seed + i}. */
    public static void reset(List<ConditionalBatchNorm> conditional, long seed) {
        long s = seed;
        for (ConditionalBatchNorm c : conditional) {
            c.reset(s++);
        }
    }
}
