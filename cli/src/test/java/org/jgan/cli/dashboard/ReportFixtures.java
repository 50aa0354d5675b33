package org.jgan.cli.dashboard;

import java.awt.Color;
import java.nio.file.Path;

/** {@link RunFixture} for tests outside this package (the report's). */
public final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A dcgan run logged to step {@code last} of 400, grids every 50, two evaluations (best FID 23.4567). */
    public static Path run(Path root, String name, long last) {
        RunFixture f = RunFixture.create(root, name, "dcgan", 400, last);
        f.appendMetrics(100, 41.25);
        f.appendMetrics(200, 23.4567);
        return f.dir;
    }

    public static void appendLine(Path run, String line) {
        new RunFixture(run).appendLine(line);
    }

    /** Loss/D at {@code step} as the pages and reports print it. */
    public static String lossD(long step) {
        return RunFixture.fmt(RunFixture.lossD(step));
    }

    /** The fill colour of the fixture's grid for {@code step}. */
    public static int sampleColor(long step) {
        return Color.HSBtoRGB(step / 400f, 0.6f, 0.9f) & 0xffffff;
    }
}
