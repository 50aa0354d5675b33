package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One held-out (brightness, size) pair per class, and together they cover every pair of levels. */
class HeldOutCompositionsTest {
    @Test
    void eachClassHoldsOutExactlyOneOfTheNinePairs() {
        for (int c = 0; c < 10; c++) {
            int held = 0;
            for (int b = 0; b < 3; b++) {
                for (int s = 0; s < 3; s++) {
                    for (int t = 0; t < 3; t++) {
                        boolean h = HeldOutCompositions.isHeldOut(c, new int[]{b, s, t});
                        assertEquals(HeldOutCompositions.isHeldOut(c, b, s), h, "texture does not matter");
                        held += h ? 1 : 0;
                    }
                }
            }
            assertEquals(3, held, "class " + c + ": one pair, with any of the 3 textures");
        }
    }

    @Test
    void theFirstNineClassesCoverEveryPair() {
        Set<String> pairs = new HashSet<>();
        for (int c = 0; c < 9; c++) {
            pairs.add(HeldOutCompositions.brightness(c) + "," + HeldOutCompositions.size(c));
        }
        assertEquals(9, pairs.size(), pairs.toString());
        assertTrue(HeldOutCompositions.isHeldOut(9, 0, 0));
        assertFalse(HeldOutCompositions.isHeldOut(1, 0, 0));
    }
}
