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
     * lines went.
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
            AtomicFiles.writeString(file, kept.toString());
        }
        return dropped;
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
