package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link RunDir#resolveCheckpoint} finds a run's own checkpoints by name and refuses every name that
 * would leave the run: a relative or absolute path, a hidden temporary folder, and a checkpoint folder that is a link
 * to another run's.
 */
class CheckpointNameTest {
    @TempDir
    Path tmp;

    /** A run folder with checkpoint folders (only their state.json: resolving reads nothing else). */
    static RunDir run(Path dir, String... checkpoints) throws IOException {
        for (String c : checkpoints) {
            Files.createDirectories(dir.resolve("checkpoints").resolve(c));
            Files.writeString(dir.resolve("checkpoints").resolve(c).resolve("state.json"), "{}");
        }
        return new RunDir(dir);
    }

    static void assertRefused(RunDir run, String name, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> run.resolveCheckpoint(name), name);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void plainNamesResolveInsideTheRun() throws IOException {
        RunDir r = run(tmp.resolve("a"), "step-000060", "best");
        assertEquals(r.checkpoint(60), r.resolveCheckpoint("step-000060"));
        assertEquals(r.checkpoint(60), r.resolveCheckpoint("60"));
        assertEquals(r.checkpointsDir().resolve("best"), r.resolveCheckpoint("best"));
        assertEquals(r.checkpoint(60), r.resolveCheckpoint("latest"));
    }

    @Test
    void namesThatLeaveTheRunAreRefused() throws IOException {
        RunDir a = run(tmp.resolve("runs/a"), "step-000002");
        RunDir other = run(tmp.resolve("runs/other"), "step-000060", ".tmp-step-000070");
        // Before: the first two were accepted and loaded the other run's weights under run a's name.
        assertRefused(a, "../../other/checkpoints/step-000060", "is not a folder of its checkpoints/");
        assertRefused(a, other.checkpoint(60).toString(), "is not a folder of its checkpoints/");
        assertRefused(other, ".tmp-step-000070", "checkpoint name '.tmp-step-000070'");
        assertRefused(a, "..", "is not a folder of its checkpoints/");
        Files.createSymbolicLink(a.checkpointsDir().resolve("elsewhere"), other.checkpoint(60));
        assertRefused(a, "elsewhere", "links to " + other.checkpoint(60).toRealPath() + ", outside the run");
    }
}
