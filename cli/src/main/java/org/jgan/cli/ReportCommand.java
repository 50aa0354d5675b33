package org.jgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jgan.cli.report.HtmlReport;
import org.jgan.cli.report.PngReport;
import org.jgan.cli.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan report}: a run's curves, grids, alarms and config in one file to share. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a shareable report of a run: a self-contained HTML page (images inlined) or one PNG "
                + "with the loss curves and the newest sample grids. Reads the run folder only.")
public final class ReportCommand implements Callable<Integer> {
    enum Format { html, png }

    @Option(names = "--run", required = true, description = "Run folder, e.g. runs/dcgan.")
    Path run;

    @Option(names = "--out", required = true, description = "Output file, e.g. report.html or report.png.")
    Path out;

    @Option(names = "--format", description = "html or png (default: from --out's extension, else html).")
    Format format;

    @Override
    public Integer call() throws Exception {
        // Charts are drawn off-screen; without this a machine with no display could try to open one.
        System.setProperty("java.awt.headless", "true");
        Format f = format != null ? format
                : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? Format.png : Format.html;
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException(run + ": no such run folder");
        }
        RunReport report = RunReport.load(run);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (f == Format.png) {
            PngReport.write(report, out);
        } else {
            HtmlReport.write(report, out);
        }
        System.out.println("report: " + out);
        return 0;
    }
}
