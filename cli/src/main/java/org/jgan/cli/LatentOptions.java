package org.jgan.cli;

import java.io.IOException;
import org.jgan.core.config.ConfigException;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Option;

/**
 * {@code --truncation} and {@code --class} of the commands whose images all share one class and one truncation
 * ({@code interpolate}, {@code style-mix}; a picocli mixin). {@code sample} keeps its own: there --class also takes
 * 'all'.
 */
final class LatentOptions {
    @Option(names = "--truncation", defaultValue = "1", description = "Truncation psi for every image (style-based "
            + "models; default: ${DEFAULT-VALUE}, none).")
    double psi;

    @Option(names = "--class", description = "Class (index or name) of every image, for conditional runs.")
    String classOpt;

    /** The class index of every image, or null for an unconditional run; a conditional run must be given one. */
    Long label(RunGenerator rg) throws IOException {
        Long label = classOpt == null ? null : Flags.named("--class", () -> (long) rg.classIndex(classOpt));
        if (rg.conditional() && label == null) {
            throw new ConfigException("this run is conditional: give --class K (an index or a class name)");
        }
        return label;
    }
}
