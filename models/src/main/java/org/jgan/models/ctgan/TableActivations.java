package org.jgan.models.ctgan;

import java.util.List;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.SpanKind;

/**
 * The tensor side of CTGAN's training step (Xu et al. 2019, section 4.4): Gumbel-softmax on the generator's one-hot
 * logits (Jang et al. 2017) with the step's own random draws, the conditional vector's cross-entropy term, and the
 * packing of rows into PacGAN packs.
 */
final class TableActivations {

    private TableActivations() {
    }

    /**
     * The generator's output {@code out} as the discriminator sees it: values as they are (G already applied tanh),
     * each one-hot's logits through a Gumbel-softmax of temperature {@code tau} drawn from {@code rng}.
     */
    static Tensor activate(Tensor out, List<OutputSpan> spans, double tau, GeneratorOptional rng) {
        TensorVector parts = new TensorVector();
        for (OutputSpan s : spans) {
            Tensor x = out.narrow(1, s.start(), s.length());
            if (s.kind() == SpanKind.SOFTMAX) {
                Tensor u = torch.rand(new long[]{x.size(0), x.size(1)}, rng).to(x.scalar_type());
                // Scalars are made here, in the step's scope: a static one would die with the first step's scope
                Tensor gumbel = u.add(new Scalar(1e-10)).log().neg().add(new Scalar(1e-10)).log().neg();
                x = torch.softmax(x.add(gumbel).div(new Scalar(tau)), 1);
            }
            parts.push_back(x);
        }
        return torch.cat(parts, 1);
    }

    /**
     * CTGAN's generator term for the condition: for each row, the cross-entropy between the logits of the column its
     * conditional vector chose and the chosen category, summed over columns (only the chosen one is non-zero) and
     * averaged over the batch. {@code discrete} are the category spans in the order the conditional vector lays them.
     */
    static Tensor conditionLoss(Tensor out, Tensor condition, List<OutputSpan> discrete) {
        Tensor total = null;
        int offset = 0;
        for (OutputSpan s : discrete) {
            Tensor logp = torch.log_softmax(out.narrow(1, s.start(), s.length()), 1);
            // the condition's one-hot for this column is all zeros in rows that chose another column
            Tensor ce = logp.mul(condition.narrow(1, offset, s.length())).sum().neg();
            total = total == null ? ce : total.add(ce);
            offset += s.length();
        }
        return total == null ? torch.zeros(new long[]{}) : total.div(new Scalar((double) out.size(0)));
    }

    /** Rows with their conditions, {@code pac} consecutive rows to a pack: [B / pac, pac * (row + condition)]. */
    static Tensor pack(Tensor rows, Tensor condition, int pac) {
        Tensor x = condition.size(1) > 0 ? torch.cat(new TensorVector(rows, condition), 1) : rows;
        return x.reshape(x.size(0) / pac, x.size(1) * pac);
    }

    /** Per-pack mixing weights for the gradient penalty, drawn from {@code rng}: [packs, 1]. */
    static Tensor packEps(long packs, GeneratorOptional rng) {
        return torch.rand(new long[]{packs, 1}, rng);
    }
}
