package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuClockTest {
    private static double sink;

    /** Burns CPU on this thread until {@code clock} has moved; returns how far it moved. */
    private static double spinUntilMoved(java.util.function.DoubleSupplier clock) {
        double start = clock.getAsDouble();
        double now = start;
        for (long i = 0; now == start && i < 2_000_000_000L; i++) {
            sink += Math.sqrt(sink + i);
            now = clock.getAsDouble();
        }
        return now - start;
    }

    @Test
    void readsFinerThanTheJdksClockTicks() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        assertTrue(CpuClock.nanos() >= 0, "the per-thread clocks are readable on Linux");
        // the first step the clock takes under CPU load is its resolution: a tick-counting clock steps by 10 ms
        double step = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            step = Math.min(step, spinUntilMoved(CpuClock::millis));
        }
        assertTrue(step > 0 && step < 2.0, "smallest step " + step + " ms");
    }

    @Test
    void agreesWithTheProcessCpuTime() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double c0 = CpuClock.millis();
        double p0 = os.getProcessCpuTime() / 1e6;
        double spent = 0;
        while (spent < 300) {
            spent += spinUntilMoved(CpuClock::millis);
        }
        double c = CpuClock.millis() - c0;
        double p = os.getProcessCpuTime() / 1e6 - p0;
        // the same CPU time, counted finely here and in 10 ms ticks there (plus a tick of each side's lag)
        assertEquals(p, c, 30.0, "CpuClock " + c + " ms, process CPU time " + p + " ms");
    }
}
