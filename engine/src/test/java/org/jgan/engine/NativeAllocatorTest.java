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
        String d = NativeAllocator.describe();
        assertTrue(d.startsWith(NativeAllocator.tuned() ? "tuned for reuse: " : "NOT tuned"), d);
    }
}
