package org.jgan.core.train;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Class labels as the condition (Mirza and Osindero 2014): int64 class indices of the real images; the fixed sample
 * view cycles through the classes 0, 1, ..., K-1, 0, ..., so a grid with K columns shows one class per column.
 */
public final class ClassConditioning implements Conditioning {
    private final TrainingData data;
    private final int classes;

    /** Labels of {@code data}, which must be labelled with at least 2 classes. */
    public ClassConditioning(TrainingData data) {
        if (data.shape().numClasses() < 2) {
            throw new IllegalArgumentException(data.name() + " needs labels of 2 or more classes to condition on");
        }
        this.data = data;
        this.classes = data.shape().numClasses();
    }

    @Override
    public Tensor batch(int[] idx) {
        return data.labels(idx);
    }

    @Override
    public Tensor fixed(int n) {
        return torch.arange(new Scalar(n)).remainder(new Scalar(classes));
    }

    @Override
    public int columns(int n) {
        return classes;
    }
}
