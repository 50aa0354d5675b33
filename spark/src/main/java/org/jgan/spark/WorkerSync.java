package org.jgan.spark;

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
        List<Tensor> state = new ArrayList<>();
        List<GanNet> nets = new ArrayList<>(trainer.players().nets().values());
        if (trainer.ema() != null) {
            nets.add(trainer.ema().net());
        }
        for (GanNet n : nets) {
            TensorVector p = n.parameters(true);
            for (long i = 0; i < p.size(); i++) {
                state.add(p.get(i));
            }
            TensorVector b = n.buffers(true);
            for (long i = 0; i < b.size(); i++) {
                state.add(b.get(i));
            }
        }
        try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            TensorVector flat = new TensorVector();
            state.forEach(t -> flat.push_back(t.to(torch.ScalarType.Double).reshape(-1)));
            Tensor all = torch.cat(flat, 0);
            group.broadcast(new TensorVector(all))._wait();
            long at = 0;
            for (Tensor t : state) {
                long n = t.numel();
                t.copy_(all.narrow(0, at, n).view_as(t).to(t.scalar_type()));
                at += n;
            }
        }
    }
}
