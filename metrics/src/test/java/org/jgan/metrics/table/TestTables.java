package org.jgan.metrics.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jgan.core.data.table.Table;

/** Small tables for the table-report tests, written as CSV and read back the way users' files are. */
final class TestTables {
    private TestTables() {
    }

    /** {@code csv} (header first, lines joined by newlines) written to {@code dir/name} and read. */
    static Table csv(Path dir, String name, String... lines) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, String.join("\n", lines) + "\n");
            return Table.readCsv(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code n} rows of x (continuous, uniform 0..10), y = 2x + small noise, c in {red, green, blue} (10% missing),
     * and label = "hi" when x &gt; 5 else "lo": a strong correlation and a deterministic target.
     */
    static Table correlated(Path dir, String name, int n, long seed) {
        Random rng = new Random(seed);
        String[] lines = new String[n + 1];
        lines[0] = "x,y,c,label";
        String[] cats = {"red", "green", "blue"};
        for (int r = 0; r < n; r++) {
            double x = 10 * rng.nextDouble();
            double y = 2 * x + 0.1 * rng.nextGaussian();
            String c = rng.nextDouble() < 0.1 ? "" : cats[rng.nextInt(3)];
            lines[r + 1] = x + "," + y + "," + c + "," + (x > 5 ? "hi" : "lo");
        }
        return csv(dir, name, lines);
    }
}
