package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads run folders only (docs/design.md): its compiled classes may not refer to libtorch or to the
 * modules that load it, so watching a run can never allocate a tensor or load native code.
 */
class DashboardIsolationTest {
    @Test
    void dashboardClassesReferNeitherToLibtorchNorToTheTrainingModules() throws Exception {
        Path dir = Path.of("target/classes/org/jgan/cli/dashboard");
        List<Path> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() >= 8, "found " + classes);
        for (Path c : classes) {
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String banned : new String[] {"org/bytedeco", "org/jgan/core", "org/jgan/engine", "org/jgan/models",
                "org/jgan/metrics"}) {
                assertFalse(pool.contains(banned), c.getFileName() + " refers to " + banned);
            }
        }
    }
}
