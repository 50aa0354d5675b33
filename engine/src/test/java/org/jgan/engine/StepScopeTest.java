package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link StepScope} frees every native temporary when it closes, and that {@link StepScope#keep} hands a
 * tensor out alive: to the caller (who closes it) or to the enclosing scope (which frees it in turn).
 */
class StepScopeTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** Lets the JavaCPP deallocator thread drain objects of earlier tests collected by the GC, so counts are stable. */
    static long settledLiveObjects() throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(20);
            long now = NativeMemory.liveObjects();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    @Test
    void keptTensorOutlivesTheScopeWhileTemporariesAreFreed() throws Exception {
        long before = settledLiveObjects();
        Tensor a;
        Tensor b;
        Tensor kept;
        try (StepScope s = StepScope.open()) {
            a = torch.ones(4, 4);
            b = a.mul(new Scalar(3.0));
            kept = s.keep(b.add(new Scalar(1.0)).sum());
            assertTrue(NativeMemory.liveObjects() >= before + 5, "temporaries should be live inside the scope");
        }
        assertTrue(a.isNull(), "temporary a was not freed");
        assertTrue(b.isNull(), "temporary b was not freed");
        assertFalse(kept.isNull(), "kept tensor was freed");
        assertEquals(before + 1, NativeMemory.liveObjects(), "only the kept tensor may outlive the scope");
        assertEquals(64.0, kept.item_double(), 0.0);
        kept.close();
        assertTrue(kept.isNull());
        assertEquals(before, NativeMemory.liveObjects());
    }

    @Test
    void keptTensorInANestedScopeBelongsToTheEnclosingScope() throws Exception {
        long before = settledLiveObjects();
        Tensor kept;
        Tensor closedEarly;
        try (StepScope outer = StepScope.open()) {
            try (StepScope inner = StepScope.open()) {
                kept = inner.keep(torch.ones(2).mul(new Scalar(5.0)));
                closedEarly = inner.keep(torch.ones(3));
            }
            assertFalse(kept.isNull(), "inner scope freed the kept tensor");
            assertEquals(10.0, kept.sum().item_double(), 0.0);
            // A caller may still close what it kept; the enclosing scope must then not free it twice.
            closedEarly.close();
            assertTrue(closedEarly.isNull());
        }
        assertTrue(kept.isNull(), "the enclosing scope should free what an inner scope kept");
        assertEquals(before, NativeMemory.liveObjects());
    }

    @Test
    void repeatedScopesDoNotAccumulateObjects() throws Exception {
        long before = settledLiveObjects();
        for (int i = 0; i < 50; i++) {
            try (StepScope s = StepScope.open()) {
                Tensor x = torch.randn(8, 8);
                x.matmul(x).relu().sum().item_double();
            }
        }
        assertEquals(before, NativeMemory.liveObjects());
    }
}
