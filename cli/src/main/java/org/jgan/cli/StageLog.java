package org.jgan.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a long report is: the library's stage names ({@code TableReport.compute}, {@code SeriesReports.score}) as
 * "command: stage..." lines on standard error, flushed at once, so a report of a minute or two is not silent.
 */
final class StageLog {
    private StageLog() {
    }

    /** A progress consumer that prints each stage of {@code command} on {@code err}. */
    static Consumer<String> to(PrintWriter err, String command) {
        return stage -> {
            err.println(command + ": " + stage + "...");
            err.flush();
        };
    }
}
