package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.nn.GanNet;

/**
 * The networks of one GAN and how they are grouped for optimisation. Two-player GANs have nets "G" and "D" in groups
 * "G" and "D"; CycleGAN puts both generators in group "G". Each group gets its own optimizer. Owns its networks.
 */
public final class Players implements AutoCloseable {
    public static final String G = "G";
    public static final String D = "D";
    private final Map<String, GanNet> nets;
    private final Map<String, List<String>> groups;

    public Players(Map<String, GanNet> nets, Map<String, List<String>> groups) {
        this.nets = new LinkedHashMap<>(nets);
        this.groups = new LinkedHashMap<>(groups);
        for (var e : groups.entrySet()) {
            for (String n : e.getValue()) {
                if (!nets.containsKey(n)) {
                    throw new IllegalArgumentException("group " + e.getKey() + " names unknown net " + n);
                }
            }
        }
    }

    /** The usual pair: generator "G" in group "G", discriminator "D" in group "D". */
    public static Players of(GanNet generator, GanNet discriminator) {
        return new Players(Map.of(G, generator, D, discriminator), Map.of(G, List.of(G), D, List.of(D)));
    }

    public GanNet net(String name) {
        GanNet n = nets.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no network named " + name + "; have " + nets.keySet());
        }
        return n;
    }

    public GanNet generator() {
        return net(G);
    }

    public GanNet discriminator() {
        return net(D);
    }

    public Map<String, GanNet> nets() {
        return java.util.Collections.unmodifiableMap(nets);
    }

    public Map<String, List<String>> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** All parameters of a group, in a stable order (the order optimizer state is saved in). */
    public TensorVector parameters(String group) {
        TensorVector all = new TensorVector();
        for (String n : groups.get(group)) {
            TensorVector p = nets.get(n).parameters(true);
            for (long i = 0; i < p.size(); i++) {
                all.push_back(p.get(i));
            }
        }
        return all;
    }

    /** Turns gradient tracking of a group's parameters on or off. */
    public void setTrainable(String group, boolean trainable) {
        for (String n : groups.get(group)) {
            TensorVector p = nets.get(n).parameters(true);
            for (long i = 0; i < p.size(); i++) {
                p.get(i).set_requires_grad(trainable);
            }
        }
    }

    public void train(boolean on) {
        nets.values().forEach(n -> n.train(on));
    }

    @Override
    public void close() {
        nets.values().forEach(GanNet::close);
    }
}
