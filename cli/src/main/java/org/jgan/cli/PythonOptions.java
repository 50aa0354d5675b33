package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --python} and {@code --no-python} of the benchmarks that time the same step in PyTorch ({@code bench},
 * {@code bench-stylegan2}; a picocli mixin), and the launch of their bundled scripts.
 */
final class PythonOptions {
    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch.")
    String python;

    @Option(names = "--no-python", description = "Measure jgan only.")
    boolean noPython;

    /**
     * Runs the bundled script {@code resource} with {@code args} and {@code env} added to this environment, and
     * returns the JSON object on its last line of output; its stderr goes to ours, so progress stays visible.
     */
    JsonNode run(String resource, Map<String, String> env, Object... args) throws IOException, InterruptedException {
        // python cannot read a script inside the jar, so it gets a copy
        Path script = Files.createTempFile("jgan-bench", ".py");
        try {
            try (var in = PythonOptions.class.getResourceAsStream(resource)) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
            for (Object a : args) {
                cmd.add(String.valueOf(a));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = start(pb, python);
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int rc = p.waitFor();
            if (rc != 0 || stdout.isEmpty()) {
                // its traceback is above (stderr is ours): a missing module names itself there
                throw new IOException(python + " exited with " + rc + " (its error is printed above); are Debian's "
                        + "python3-torch and python3-scipy installed? (scripts/install-deps python3-torch "
                        + "python3-scipy libopenblas0-pthread), or pass --no-python");
            }
            return new ObjectMapper().readTree(stdout.substring(stdout.lastIndexOf('\n') + 1));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Starts {@code pb}, whose program is {@code python}; a Python that cannot be started is the user's input. */
    static Process start(ProcessBuilder pb, String python) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new org.jgan.core.config.ConfigException("--python " + python + ": cannot run it ("
                    + e.getMessage().replaceFirst(".*error=\\d+, ", "") + "); install Debian's python3-torch "
                    + "(scripts/install-deps python3-torch python3-scipy) or pass --no-python");
        }
    }
}
