package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.metrics.classifier.ClassifierFeatureNet;
import org.jgan.models.srgan.FeatureNets;
import org.junit.jupiter.api.Test;

/** Through the API, SRGAN's feature network can be the built-in classifier (models alone cannot see metrics). */
class WiringTest {
    @Test
    void theBuiltInClassifierIsAFeatureNetworkOnceTheApiIsUsed() {
        Jgan.version();  // any use of the entry point wires the modules
        try (GanNet net = FeatureNets.open(ClassifierFeatureNet.BUILTIN, new DataShape(1, 28, 28, 0))) {
            assertNotNull(net);
        }
    }
}
