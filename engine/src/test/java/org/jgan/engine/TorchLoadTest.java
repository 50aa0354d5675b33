package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class TorchLoadTest {
    @Test
    void loadsAndComputes() {
        Torch.init(2);
        assertEquals(2, torch.get_num_threads());
        try (StepScope s = StepScope.open()) {
            Tensor a = torch.ones(2, 3);
            assertEquals(6.0, a.sum().item_double(), 0.0);
        }
        assertTrue(Torch.libtorchVersion().startsWith("2."));
    }
}
