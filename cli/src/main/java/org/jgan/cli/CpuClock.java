package org.jgan.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's CPU time (all threads) in milliseconds, to well under a millisecond where Linux gives it. The JDK's
 * {@code getProcessCpuTime} counts in clock ticks here (10 ms): a StyleGAN2 batch of 180 ms read 170, 180 or 190
 * whatever it took, where PyTorch's {@code time.process_time()} counts in nanoseconds. The calling thread, which runs
 * libtorch's work at one thread, is read exactly ({@code getCurrentThreadCpuTime}); every other live thread from
 * Linux's per-thread run time in nanoseconds (the first field of {@code /proc/self/task/TID/schedstat}, brought up to
 * date at the scheduler's tick). Threads that ended are not counted; the benchmarks have none in their timed part
 * (libtorch's pool lives on).
 */
final class CpuClock {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    /** CPU milliseconds used by this process's live threads, or by the process (in ticks) where Linux says not. */
    static double millis() {
        double ns = nanos();
        return ns >= 0 ? ns / 1e6 : OS.getProcessCpuTime() / 1e6;
    }

    /** The live threads' CPU time in nanoseconds, or -1 where it cannot be read so. */
    static double nanos() {
        if (!Files.isDirectory(TASKS) || !THREADS.isCurrentThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        try {
            String self = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path t : tasks) {
                    if (!t.getFileName().toString().equals(self)) {
                        sum += runNanos(t);
                    }
                }
            }
            long own = THREADS.getCurrentThreadCpuTime();
            return own < 0 ? -1 : sum + own;
        } catch (IOException | NumberFormatException | SecurityException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static long runNanos(Path task) throws IOException {
        try {
            String s = Files.readString(task.resolve("schedstat"));
            int end = s.indexOf(' ');
            return Long.parseLong(end < 0 ? s.trim() : s.substring(0, end));
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0; // a thread that ended between the listing and the read: its time is lost either way
        }
    }
}
