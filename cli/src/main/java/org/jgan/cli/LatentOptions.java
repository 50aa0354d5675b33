package org.jgan.cli;

import java.io.IOException;
import org.jgan.api.GanModel;
import org.jgan.core.config.ConfigException;
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

    /** --class, checked against the run so that a refusal names the flag; a conditional run must be given one. */
    String cls(GanModel model) throws IOException {
        if (classOpt != null) {
            Flags.named("--class", () -> model.classIndex(classOpt));
        } else if (model.conditional()) {
            throw new ConfigException("this run is conditional: give --class K (an index or a class name)");
        }
        return classOpt;
    }
}
