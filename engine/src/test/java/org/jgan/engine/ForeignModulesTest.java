package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** oneDNN off while a foreign module runs, on a CPU whose canary fails; the user's setting back after the last guard. */
class ForeignModulesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    private static boolean mkldnn() {
        return torch.globalContext().userEnabledMkldnn();
    }

    @Test
    void nestedGuardsTurnOneDnnOffOnlyWhereItIsWrongAndRestoreTheSetting() {
        assertTrue(mkldnn(), "libtorch starts with oneDNN enabled");
        boolean trusted = ForeignModules.trusted();
        try (ForeignModules outer = ForeignModules.open()) {
            assertEquals(trusted, mkldnn(), "oneDNN stays on exactly where the canary configurations pass");
            try (ForeignModules inner = ForeignModules.open()) {
                assertEquals(trusted, mkldnn());
            }
            assertEquals(trusted, mkldnn(), "closing the inner guard keeps the outer one's setting");
            outer.close(); // twice: the second close is a no-op, not a second decrement
        }
        assertTrue(mkldnn(), "after the last guard the setting is the one before the first");
        // A user who turned oneDNN off keeps it off.
        torch.globalContext().setUserEnabledMkldnn(false);
        try {
            try (ForeignModules g = ForeignModules.open()) {
                assertTrue(!mkldnn());
            }
            assertTrue(!mkldnn());
        } finally {
            torch.globalContext().setUserEnabledMkldnn(true);
        }
    }
}
