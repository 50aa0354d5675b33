package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Convolutions#setProvenRoutes}: oneDNN off the block only where its check passes, and only under autograd. */
class ProvenRoutesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
        Convolutions.setProvenRoutes(true);
    }

    @AfterAll
    static void back() {
        Convolutions.setProvenRoutes(false);
    }

    /** Channels and sizes no other test routes, so the decision is made here. */
    static ConvSpec spec(long in, long out, boolean transposed) {
        return new ConvSpec(in, out, new long[]{3, 3}, new long[]{1, 1}, new long[]{1, 1}, new long[]{1, 1},
                new long[]{0, 0}, 1, transposed);
    }

    @Test
    void offTheBlockUnderAutogradOneDnnWhereItsCheckPassesElseIm2col() {
        assumeTrue(Convolutions.provenRoutesRefused().isEmpty(), "this CPU shows the bug: proven routes refused");
        for (ConvSpec s : new ConvSpec[]{spec(3, 24, false), spec(24, 3, true), spec(16, 32, false)}) {
            long batch = s.blockAligned() ? 12 : 16;
            Convolutions.Entry e = Convolutions.route(s, batch, 9, 9, ConvUse.DOUBLE_BACKWARD);
            if (e.route() == ConvRoute.LIBTORCH) {
                assertTrue(e.result().ok() && e.note().contains("proven"), e.toString());
            } else {
                assertEquals(ConvRoute.IM2COL, e.route(), e.toString());
                assertTrue(e.result().ok(), "the reference path passes its own check: " + e);
                // it fell back because oneDNN fails here, not because the proven route was never tried
                assertTrue(!ConvCheck.run(s, ConvRoute.LIBTORCH, batch, 9, 9, true).ok(), "oneDNN passes now: " + e);
            }
        }
    }

    /**
     * On a CPU whose oneDNN has the padded-reorder bug, no configuration off the block reaches oneDNN under autograd,
     * however its own check went (the bug's race passed it 1 time in 10 on a Zen 5); where the canary passes, it
     * does not fail on a second look either.
     */
    @Test
    void aCpuWithTheBugKeepsTheBlockRule() {
        String refused = Convolutions.provenRoutesRefused();
        ConvSpec canary = new ConvSpec(32, 64, new long[]{1, 1}, new long[]{1, 1}, new long[]{0, 0},
                new long[]{1, 1}, new long[]{0, 0}, 1, false);
        boolean canaryOk = ConvCheck.run(canary, ConvRoute.LIBTORCH, 4, 16, 16, ConvUse.DOUBLE_BACKWARD).ok();
        if (refused.isEmpty()) {
            assertTrue(canaryOk, "the canary failed on a second run: the bug is on this CPU after all");
            return;
        }
        assertTrue(refused.contains("double backward"), refused);
        for (ConvSpec s : new ConvSpec[]{spec(8, 8, false), spec(9, 8, false), spec(5, 24, true)}) {
            Convolutions.Entry e = Convolutions.route(s, 32, 11, 11, ConvUse.DOUBLE_BACKWARD);
            assertTrue(e.route() != ConvRoute.LIBTORCH && e.result().ok(), e.toString());
            assertTrue(e.note().contains("refused"), e.toString());
        }
    }

    @Test
    void withoutAutogradTheRuleStands() {
        assertEquals(ConvRoute.IM2COL, Convolutions.route(spec(3, 40, false), 4, 11, 11, ConvUse.FORWARD).route());
    }

    @Test
    void alignedConfigurationsAreNotTouched() {
        Convolutions.Entry e = Convolutions.route(spec(32, 48, false), 16, 10, 10, ConvUse.DOUBLE_BACKWARD);
        assertEquals(ConvRoute.LIBTORCH, e.route());
        assertEquals("", e.note());
    }
}
