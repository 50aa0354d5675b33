package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgan.core.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Seed lists of interpolate and style-mix: ranges and lists, and refusals that say what is wrong. */
class SeedListTest {
    @Test
    void rangesAndListsMix() {
        assertEquals(List.of(1L, 2L, 3L, 9L), SeedList.parse("1-3, 9", "--seeds"));
        assertEquals(List.of(-2L, -1L), SeedList.parse("-2--1", "--seeds"));
        assertEquals(1000, SeedList.parse("1-1000", "--seeds").size());
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertRefused("5-1", "--seeds '5-1': a range runs from low to high, e.g. 1-5");
        assertRefused("1-1001", "--seeds '1-1001': a range holds at most 1000 seeds, this one 1001");
        assertRefused("1-1000,2000", "--seeds '1-1000,2000': at most 1000 seeds, got more");
        assertRefused("a", "--seeds 'a': give seeds as numbers, e.g. 1,2,3 or 10-15");
        // the widest range overflows a long's difference: refused, not looped over
        assertRefused("-9223372036854775808-9223372036854775807", "--seeds '-9223372036854775808-9223372036854775807'"
                + ": a range holds at most 1000 seeds, this one 18446744073709551616");
    }

    private static void assertRefused(String spec, String message) {
        assertEquals(message, assertThrows(ConfigException.class, () -> SeedList.parse(spec, "--seeds")).getMessage());
    }
}
