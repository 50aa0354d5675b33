package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void expiresOnceTheBudgetIsUsedFromTheStartNotBefore() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        TimeBudget b = new TimeBudget(60 * SECOND, now::get);
        now.addAndGet(3600 * SECOND);
        assertFalse(b.expired(), "the clock starts at start(), not at construction");
        b.start();
        now.addAndGet(59 * SECOND);
        assertFalse(b.expired());
        assertEquals(59.0, b.elapsedSeconds(), 1e-9);
        now.addAndGet(SECOND);
        assertTrue(b.expired(), "60 s of a 60 s budget");
        b.start();
        assertFalse(b.expired(), "start() restarts the clock");
    }

    @Test
    void noBudgetNeverExpires() {
        AtomicLong now = new AtomicLong();
        TimeBudget none = new TimeBudget(0, now::get);
        none.start();
        now.addAndGet(Long.MAX_VALUE / 2);
        assertFalse(none.expired());
        assertFalse(none.limited());
        assertFalse(TimeBudget.minutes(0).limited());
        assertFalse(TimeBudget.NONE.limited());
    }

    @Test
    void minutesAreConvertedAndValidated() {
        assertTrue(TimeBudget.minutes(0.5).limited());
        assertThrows(IllegalArgumentException.class, () -> TimeBudget.minutes(-1));
        assertThrows(IllegalArgumentException.class, () -> TimeBudget.minutes(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TimeBudget.minutes(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new TimeBudget(-1, System::nanoTime));
    }
}
