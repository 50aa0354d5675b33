package org.jgan.cli;

import org.jgan.core.config.ConfigException;
import picocli.CommandLine.Option;

/**
 * {@code --limit} and {@code --grid} of the commands that run an image-to-image generator over inputs and write
 * comparison.png ({@code translate}, {@code upscale}; a picocli mixin).
 */
final class ComparisonOptions {
    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N input images (0: all).")
    int limit;

    @Option(names = "--grid", defaultValue = "16", description = "Examples in comparison.png (default: 16).")
    int grid;

    /** Rejects values that would select no images, before the run is loaded. */
    void check() {
        if (limit < 0 || grid < 1) {
            throw new ConfigException("--limit must be 0 or more and --grid at least 1");
        }
    }
}
