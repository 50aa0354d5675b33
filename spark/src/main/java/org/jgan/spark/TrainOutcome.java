package org.jgan.spark;

import java.io.Serializable;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.Tensors;

/**
 * What a data-parallel worker reports when it finishes: its rank, the global step reached and its generator's
 * weights, flattened (identical on every worker, which the job checks).
 *
 * @param rank    the worker
 * @param step    global step at the end
 * @param weights the generator's parameters, concatenated in registration order
 */
public record TrainOutcome(int rank, long step, float[] weights) implements Serializable {
    /** The parameters of {@code net}, concatenated in registration order. */
    public static float[] flatten(GanNet net) {
        TensorVector p = net.parameters(true);
        int n = 0;
        for (long i = 0; i < p.size(); i++) {
            n += (int) p.get(i).numel();
        }
        float[] out = new float[n];
        int at = 0;
        for (long i = 0; i < p.size(); i++) {
            float[] f = Tensors.toFloats(p.get(i).detach().contiguous());
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }
}
