package org.jgan.core.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.jgan.core.io.IoErrors;

/**
 * Appends one JSON object per line to a {@code .jsonl} file (stats.jsonl, metrics.jsonl). Each line is written and
 * flushed whole, so the dashboard and a crash see complete lines only (a reader skips a torn last line).
 */
public final class StatsWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    public StatsWriter(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending (" + IoErrors.reason(e) + ")", e);
        }
    }

    /** Writes {@code record} as one line. Non-finite numbers are written as strings ("NaN", "Infinity"). */
    public synchronized void write(Map<String, ?> record) {
        try {
            out.write(JSON.writeValueAsString(sanitize(record)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append stats (" + IoErrors.reason(e) + ")", e);
        }
    }

    private static Map<String, Object> sanitize(Map<String, ?> record) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (v instanceof Double d && !Double.isFinite(d)) {
                m.put(k, d.toString());
            } else if (v instanceof Float f && !Float.isFinite(f)) {
                m.put(k, f.toString());
            } else {
                m.put(k, v);
            }
        });
        return m;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
