package org.jgan.spark;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;

/** Worker 0's network state sent to every data-parallel worker, in one flat broadcast. */
final class WorkerSync {
    private WorkerSync() {
    }

    static void broadcastFromZero(ProcessGroupGloo group, Trainer trainer) {
        // By name: the order of a variant's map of nets can differ from JVM to JVM (Map.of iterates in an order
        // salted per JVM), and every worker must pack and unpack the state in the same order. Workers in one JVM
        // (local mode) always agree; executors of a cluster did not (a resumed run's weights came apart).
        List<GanNet> nets = new ArrayList<>(new java.util.TreeMap<>(trainer.players().nets()).values());
        if (trainer.ema() != null) {
            nets.add(trainer.ema().net());
        }
        // The state is gathered into a vector this method owns: a Tensor that TensorVector.get returns points into
        // that vector's storage, so one taken from a vector the garbage collector may free (the one parameters()
        // returns) can turn into garbage before it is written back (a length of 1.4e14 in a narrow, seen once in a
        // fresh-clone test run).
        try (TensorVector state = new TensorVector(); StepScope scope = StepScope.open();
             NoGradGuard g = new NoGradGuard()) {
            for (GanNet n : nets) {
                for (TensorVector v : new TensorVector[]{n.parameters(true), n.buffers(true)}) {
                    for (long i = 0; i < v.size(); i++) {
                        state.push_back(v.get(i));
                    }
                    Reference.reachabilityFence(v);
                }
            }
            TensorVector flat = new TensorVector();
            for (long i = 0; i < state.size(); i++) {
                flat.push_back(state.get(i).to(torch.ScalarType.Double).reshape(-1));
            }
            Tensor all = torch.cat(flat, 0);
            group.broadcast(new TensorVector(all))._wait();
            long at = 0;
            for (long i = 0; i < state.size(); i++) {
                Tensor t = state.get(i);
                long n = t.numel();
                t.copy_(all.narrow(0, at, n).view_as(t).to(t.scalar_type()));
                at += n;
            }
        }
    }
}
