package org.jgan.cli;

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
    void liesBetweenThisThreadsAndTheProcesssCpuTime() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        double c0 = CpuClock.millis();
        double p0 = os.getProcessCpuTime() / 1e6;
        double t0 = threads.getCurrentThreadCpuTime() / 1e6;
        double spent = 0;
        while (spent < 300) {
            spent += spinUntilMoved(CpuClock::millis);
        }
        double c = CpuClock.millis() - c0;
        double p = os.getProcessCpuTime() / 1e6 - p0;
        double own = threads.getCurrentThreadCpuTime() / 1e6 - t0;
        // at least this thread's time, at most the process's (counted in 10 ms ticks, each end up to a tick low; a
        // thread that ends meanwhile leaves the process's count only, so this side may be lower, never higher)
        assertTrue(c >= own - 1.0, "CpuClock " + c + " ms, this thread alone " + own + " ms");
        assertTrue(c <= p + 25.0, "CpuClock " + c + " ms, process CPU time " + p + " ms");
    }

    @Test
    void countsTheOtherLiveThreads() throws Exception {
        // libtorch's pool threads are not the caller: a clock of the calling thread alone would miss their work
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        var threads = ManagementFactory.getThreadMXBean();
        java.util.concurrent.CountDownLatch spun = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        double[] worker = new double[1];
        double c0 = CpuClock.millis();
        Thread t = new Thread(() -> {
            double start = threads.getCurrentThreadCpuTime() / 1e6;
            double used = 0;
            while (used < 200) {
                sink += Math.sqrt(sink + used);
                used = threads.getCurrentThreadCpuTime() / 1e6 - start;
            }
            worker[0] = used;
            spun.countDown();
            try {
                release.await();   // alive while the clock is read: a thread that ended is not counted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        spun.await();
        Thread.sleep(20);          // past the scheduler's tick, which brings a thread's run time up to date
        double c = CpuClock.millis() - c0;
        release.countDown();
        t.join();
        assertTrue(c >= worker[0] - 5.0, "CpuClock " + c + " ms while another thread used " + worker[0] + " ms");
    }
}
