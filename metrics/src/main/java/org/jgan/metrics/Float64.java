package org.jgan.metrics;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Tensors;

/** float64 tensors from and to Java arrays; the metrics do their statistics in double precision. */
public final class Float64 {
    private Float64() {
    }

    /** A float64 tensor of {@code shape} holding a copy of {@code data}; it belongs to the current scope. */
    public static Tensor tensor(double[] data, long... shape) {
        DoublePointer p = new DoublePointer(data);
        try {
            return torch.from_blob(p, shape, new TensorOptions(torch.ScalarType.Double)).clone();
        } finally {
            p.close();
        }
    }

    /** A float64 copy of float32 values, as a tensor of {@code shape}. */
    public static Tensor fromFloats(float[] data, long... shape) {
        return Tensors.fromFloats(data, shape).to(torch.ScalarType.Double);
    }

    public static double[] values(Tensor t) {
        return Tensors.toDoubles(t);
    }
}
