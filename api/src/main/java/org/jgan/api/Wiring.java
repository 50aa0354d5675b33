package org.jgan.api;

import org.jgan.metrics.classifier.ClassifierFeatureNet;
import org.jgan.models.srgan.FeatureNets;

/**
 * Connects the sibling modules where neither may depend on the other: models' SRGAN can use metrics' built-in
 * classifier as its feature network ({@code i2i.featureNet=classifier}, the perceptual loss of Ledig et al. 2017).
 * The API's entry points call {@link #ensure()}; a user never needs to.
 */
public final class Wiring {
    private static volatile boolean done;

    private Wiring() {
    }

    /** Registers the cross-module pieces once per JVM (idempotent, thread-safe). */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (Wiring.class) {
            if (!done) {
                FeatureNets.register(ClassifierFeatureNet.BUILTIN,
                        s -> ClassifierFeatureNet.builtin(s.channels(), s.height(), s.width()));
                done = true;
            }
        }
    }
}
