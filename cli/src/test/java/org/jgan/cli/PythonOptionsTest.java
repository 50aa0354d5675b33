package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' Python launch without Python: a shell script stands in for the interpreter, so the test checks
 * what is passed (script, arguments, environment), that the last output line is read as JSON, and the error text.
 */
class PythonOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheBundledScriptWithArgumentsAndEnvironmentAndReadsTheLastLine() throws Exception {
        Path fake = tmp.resolve("python");
        Files.writeString(fake, "#!/bin/sh\necho progress\n"
                + "printf '{\"script\":\"%s\",\"args\":\"%s %s\",\"env\":\"%s\"}\\n' \"$1\" \"$2\" \"$3\" \"$JGAN_X\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        PythonOptions p = new PythonOptions();
        p.python = fake.toString();
        JsonNode j = p.run("/bench/dcgan_bench.py", Map.of("JGAN_X", "y"), 4, 0.5);
        assertTrue(j.get("script").asText().endsWith(".py"), j.toString());
        assertEquals("4 0.5", j.get("args").asText());
        assertEquals("y", j.get("env").asText());
        assertTrue(Files.notExists(Path.of(j.get("script").asText())), "the script copy is left behind");
    }

    @Test
    void aFailingInterpreterSaysHowToSkipIt() {
        PythonOptions p = new PythonOptions();
        p.python = "/bin/false";
        IOException e = assertThrows(IOException.class, () -> p.run("/bench/dcgan_bench.py", Map.of()));
        assertTrue(e.getMessage().contains("/bin/false exited with 1") && e.getMessage().contains("--no-python"),
                e.getMessage());
    }
}
