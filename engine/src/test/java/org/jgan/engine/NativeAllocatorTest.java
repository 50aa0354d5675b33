package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {
    /** The launchers' shell file and the Java constants name the same settings with the same values. */
    @Test
    void theLaunchersExportWhatTheLibraryDescribes() throws IOException {
        String script = Files.readString(Path.of("..", "scripts", "malloc-env"));
        NativeAllocator.SETTINGS.forEach((k, v) -> assertTrue(script.contains("export " + k + "=\"${" + k + ":-" + v
                + "}\""), k + "=" + v + " missing from scripts/malloc-env"));
        assertEquals(NativeAllocator.SETTINGS.size(), script.lines().filter(l -> l.trim().startsWith("export "))
                .count());
        assertTrue(NativeAllocator.exports().startsWith("MALLOC_MMAP_MAX_=0 "), NativeAllocator.exports());
        String spark = Files.readString(Path.of("..", "spark", "jgan-spark"));
        NativeAllocator.SETTINGS.keySet().forEach(k -> assertTrue(spark.contains(" " + k), k
                + " missing from the executor environment that spark/jgan-spark passes on"));
        String d = NativeAllocator.describe();
        NativeAllocator.SETTINGS.keySet().forEach(k -> assertTrue(d.contains(k + "="), d));
    }

    /** Each launcher sources the settings before it starts a JVM. */
    @Test
    void everyLauncherSourcesTheSettings() throws IOException {
        for (String launcher : new String[]{"jgan", "run-tests", "spark/jgan-spark"}) {
            String s = Files.readString(Path.of("..", launcher));
            int source = s.indexOf("scripts/malloc-env\"");
            int start = Math.max(s.indexOf("exec java"), s.indexOf("mvn -B -f \"$root/pom.xml\" test"));
            assertTrue(source > 0 && start > source, launcher + " must source scripts/malloc-env before its JVM");
        }
    }
}
