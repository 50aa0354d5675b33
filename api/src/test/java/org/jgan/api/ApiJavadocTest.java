package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor, method and constant of the API module has a Javadoc comment (the Javadoc build's
 * doclint leaves "missing" out for the other modules, so the API's own rule is checked here). An {@code @Override}
 * inherits its comment; a record's components are its {@code @param} tags.
 */
class ApiJavadocTest {
    static List<String> undocumented(List<String> lines, String file) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            // a public declaration: type, member or constant (not a compact record constructor, which has no
            // parameters to document)
            if (!line.startsWith("public ") || line.matches("public [A-Z]\\w* \\{")) {
                continue;
            }
            int j = i - 1;
            boolean override = false;
            while (j >= 0 && lines.get(j).strip().startsWith("@")) {
                override |= lines.get(j).strip().startsWith("@Override");
                j--;
            }
            if (!override && (j < 0 || !lines.get(j).strip().endsWith("*/"))) {
                out.add(file + ":" + (i + 1) + ": " + line);
            }
        }
        return out;
    }

    @Test
    void everyPublicDeclarationHasAComment() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                missing.addAll(undocumented(Files.readAllLines(f), f.toString()));
            }
        }
        assertEquals(List.of(), missing, "public declarations without a Javadoc comment");
    }

    @Test
    void theCheckSeesAMissingComment() {
        List<String> src = List.of("/** A type. */", "public final class A {", "    public int x() {", "    }", "}");
        List<String> found = undocumented(src, "A.java");
        assertEquals(1, found.size());
        assertTrue(found.get(0).contains("A.java:3"), found.toString());
    }
}
