package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.cli.Main;
import org.jgan.core.runs.RunFolder;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads run folders only (docs/design.md): its compiled classes may refer to jgan's run-folder readers
 * ({@code org.jgan.core.runs}) and to nothing else of the library, and those readers refer to no libtorch and to no
 * other jgan package, so watching a run can never allocate a tensor or load native code. The checks read the names
 * in the compiled classes' constant pools, in both spellings ({@code org/jgan/engine}, and {@code org.jgan.engine}
 * as a reflective load would write it).
 */
class DashboardIsolationTest {
    private static final String ALLOWED = "org/jgan/core/runs/";
    private static final List<String> BANNED = List.of("org/bytedeco", "org/jgan/engine", "org/jgan/core",
            "org/jgan/models", "org/jgan/metrics", "org/jgan/api");

    @Test
    void dashboardClassesReferOnlyToTheRunFolderReaders() throws IOException {
        assertClean(Path.of("target/classes/org/jgan/cli/dashboard"), 6);
    }

    @Test
    void runFolderReadersReferNeitherToLibtorchNorToOtherJganPackages() throws IOException, URISyntaxException {
        Path where = Path.of(RunFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(where)) {
            assertClean(where.resolve("org/jgan/core/runs"), 7);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(where)) {
                assertClean(jar.getPath("org/jgan/core/runs"), 7);
            }
        }
    }

    @Test
    void theCheckSeesReferencesToTheLibrary() throws IOException {
        assertEquals(List.of(), banned("Lorg/jgan/core/runs/RunFolder; org.jgan.core.runs.RunStatus"));
        assertEquals(List.of("org/jgan/core"), banned("x Lorg/jgan/core/runs/RunFolder; Lorg/jgan/core/train/Trainer;"));
        assertEquals(List.of("org/jgan/engine"), banned("Class.forName(\"org.jgan.engine.Torch\")"));
        try (var in = Main.class.getResourceAsStream("Main.class")) {
            List<String> found = banned(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            assertTrue(found.contains("org/jgan/api"), "Main calls the API's wiring: " + found);
        }
    }

    private static void assertClean(Path dir, int atLeast) throws IOException {
        List<Path> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() >= atLeast, "found " + classes);
        for (Path c : classes) {
            List<String> found = banned(new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1));
            assertEquals(List.of(), found, c.getFileName() + " refers to them");
        }
    }

    /** The banned packages that {@code pool} names, in either spelling, beyond the run-folder readers. */
    private static List<String> banned(String pool) {
        List<String> found = new ArrayList<>();
        for (String b : BANNED) {
            for (String sep : new String[] {"/", "."}) {
                String name = b.replace("/", sep);
                String allowed = ALLOWED.replace("/", sep);
                for (int i = pool.indexOf(name); i >= 0 && !found.contains(b); i = pool.indexOf(name, i + 1)) {
                    if (!pool.startsWith(allowed, i)) {
                        found.add(b);
                    }
                }
            }
        }
        return found;
    }
}
