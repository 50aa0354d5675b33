package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
