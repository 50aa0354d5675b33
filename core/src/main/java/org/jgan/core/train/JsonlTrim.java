package org.jgan.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewinds a run's {@code .jsonl} log (stats.jsonl, metrics.jsonl) to a checkpoint. A resumed run replays the steps
 * after its checkpoint and logs them again, so the records a crashed or stopped run wrote after it must go: else those
 * steps appear twice, and the dashboard and reports plot both.
 */
final class JsonlTrim {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlTrim() {
    }

    /**
     * Drops the records of {@code file} stamped with a step after {@code step}, and lines torn by a crash (the next
     * append would be glued onto them). The file is replaced atomically, and only when a line goes. Returns how many
     * lines went. The file as it was is copied to {@code NAME.before-rewind} first.
     */
    static int dropAfter(Path file, long step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        StringBuilder kept = new StringBuilder();
        int dropped = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (keep(line, step)) {
                kept.append(line).append('\n');
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            // what goes is kept beside the file (the last rewind's), so a rewind can always be undone by hand
            Path before = file.resolveSibling(file.getFileName() + ".before-rewind");
            java.nio.file.Files.copy(file, before, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.writeString(file, kept.toString());
        }
        return dropped;
    }

    /** The largest step recorded in {@code file}, or -1 when it has none (or does not exist). */
    static long lastStep(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        long last = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                JsonNode s = JSON.readTree(line).get("step");
                last = s != null && s.isNumber() ? Math.max(last, s.asLong()) : last;
            } catch (JsonProcessingException | NullPointerException e) {
                // a torn line records nothing
            }
        }
        return last;
    }

    private static boolean keep(String line, long step) {
        JsonNode j;
        try {
            j = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (j == null || !j.isObject()) {
            return false;
        }
        JsonNode s = j.get("step");
        // A record without a step belongs to no point of training: rewinding has no reason to touch it.
        return s == null || !s.isNumber() || s.asLong() <= step;
    }
}
