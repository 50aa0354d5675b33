package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java example is the body of examples/QuickStart, which CI compiles and runs against the installed
 * artifacts: every line of the README's java block must appear, in order, in QuickStart.java.
 */
class ReadmeExampleTest {
    @Test
    void readmeJavaBlockIsQuickStartsCode() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a java block");
        List<String> example = m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertFalse(example.isEmpty());
        List<String> source = Files.readAllLines(root.resolve(
                "examples/src/main/java/org/jgan/examples/QuickStart.java")).stream().map(String::strip).toList();
        int at = 0;
        for (String line : example) {
            int found = source.subList(at, source.size()).indexOf(line);
            assertTrue(found >= 0, "README line not in QuickStart.java (in order): " + line);
            at += found + 1;
        }
    }
}
