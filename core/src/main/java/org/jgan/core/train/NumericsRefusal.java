package org.jgan.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.NumericsException;
import org.jgan.engine.Tensors;

/**
 * Turns a convolution that failed its float64 check into a refusal that names the layers it belongs to (by their
 * weight shape), so a user sees "D.conv1" rather than a bare configuration.
 */
final class NumericsRefusal {
    private NumericsRefusal() {
    }

    static NumericsException naming(NumericsException e, Map<String, GanNet> nets) {
        if (e.spec() == null) {
            return e;
        }
        long[] shape = e.spec().weightShape();
        List<String> layers = new ArrayList<>();
        nets.forEach((name, net) -> {
            StringTensorDict params = net.named_parameters(true);
            for (long i = 0; i < params.size(); i++) {
                String p = params.get(i).key().getString();
                Tensor t = params.get(i).value();
                if (p.endsWith("weight") && Arrays.equals(Tensors.shape(t), shape)) {
                    layers.add(name + "." + p.substring(0, Math.max(0, p.length() - ".weight".length())));
                }
            }
        });
        String which = layers.isEmpty() ? "" : "layer " + String.join(", ", layers) + ": ";
        return new NumericsException("refusing to train, " + which + e.getMessage(), e.spec());
    }
}
