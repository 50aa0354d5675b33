package org.jgan.core.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A growing {@code .jsonl} file (stats.jsonl, metrics.jsonl) read incrementally and tolerantly, for a dashboard that
 * polls it while training appends to it.
 *
 * <p>Each {@link #refresh} reads only the bytes appended since the last one and parses complete lines. A line that
 * is not a JSON object is skipped and counted (a corrupt line must not hide the rest of a run); a last line without
 * its newline is left for the next refresh, because the writer may be half-way through it. If the file shrinks, is
 * replaced or disappears, everything read so far is dropped and the {@link #generation} changes, so clients that
 * asked for "rows after N" start again instead of mixing two files.
 *
 * <p>The file is read only through its real path, and only while that lies inside the log's folder bound (the runs
 * folder, for the dashboard): a symlink to a file elsewhere reads as a missing file.
 */
public final class JsonlLog {
    /** Large enough for years of stats lines, small enough that one refresh never holds much memory. */
    private static final int MAX_CHUNK = 8 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Confined bound;
    private final List<ObjectNode> rows = new ArrayList<>();
    private long offset;
    private int generation;
    private int skipped;
    private Object fileKey;

    /** A log that may be read only while its real path stays in the folder that holds it. */
    public JsonlLog(Path file) {
        this(file, new Confined(file.toAbsolutePath().normalize().getParent()));
    }

    /** A log that may be read only while its real path stays inside {@code bound}. */
    JsonlLog(Path file, Confined bound) {
        this.file = file;
        this.bound = bound;
    }

    /** LogRows {@code [from, next)} of generation {@code generation}; {@code reset} when the caller's were stale. */
    public record Slice(int generation, int next, boolean reset, List<ObjectNode> rows) {
    }

    /** Reads what was appended since the last call; returns whether the rows changed. */
    public synchronized boolean refresh() {
        Optional<Path> real = bound.real(file);
        BasicFileAttributes attrs;
        try {
            if (real.isEmpty()) {
                throw new NoSuchFileException(file.toString());
            }
            attrs = Files.readAttributes(real.get(), BasicFileAttributes.class);
        } catch (IOException e) {
            // Missing (not written yet, or the run is being deleted) or outside the bound: show nothing, not fail.
            return offset > 0 && reset();
        }
        boolean changed = false;
        if (attrs.size() < offset || (fileKey != null && !Objects.equals(fileKey, attrs.fileKey()))) {
            changed = reset();
        }
        fileKey = attrs.fileKey();
        while (offset < attrs.size()) {
            int consumed;
            try {
                consumed = readFrom(real.get(), Math.min(attrs.size() - offset, MAX_CHUNK));
            } catch (NoSuchFileException e) {
                return reset() || changed;
            } catch (IOException e) {
                return changed;
            }
            if (consumed == 0) {
                break;
            }
            changed = true;
        }
        return changed;
    }

    /** Parses the complete lines in the next {@code len} bytes and returns how many bytes they took. */
    private int readFrom(Path real, long len) throws IOException {
        byte[] buf = new byte[(int) len];
        // The checked real path, its last link not followed: a link swapped in after the check fails the open.
        try (FileChannel ch = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long pos = offset;
            while (bb.hasRemaining()) {
                int n = ch.read(bb, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
        }
        int end = -1;
        for (int i = buf.length - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return 0;
        }
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (buf[i] == '\n') {
                parseLine(buf, start, i - start);
                start = i + 1;
            }
        }
        offset += end + 1;
        return end + 1;
    }

    private void parseLine(byte[] buf, int start, int len) {
        boolean blank = true;
        for (int i = start; i < start + len && blank; i++) {
            blank = Character.isWhitespace(buf[i]);
        }
        if (blank) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(buf, start, len);
            if (node instanceof ObjectNode obj) {
                rows.add(obj);
                return;
            }
        } catch (IOException e) {
            // counted below
        }
        skipped++;
    }

    private boolean reset() {
        boolean had = !rows.isEmpty() || skipped > 0;
        rows.clear();
        offset = 0;
        skipped = 0;
        fileKey = null;
        generation++;
        return had;
    }

    /**
     * The rows after the first {@code from} of generation {@code gen}; when {@code gen} is not the current
     * generation (the file was replaced, or the caller is new), all rows with {@code reset = true}.
     */
    public synchronized Slice since(int gen, int from) {
        boolean reset = gen != generation || from < 0 || from > rows.size();
        int start = reset ? 0 : from;
        return new Slice(generation, rows.size(), reset, List.copyOf(rows.subList(start, rows.size())));
    }

    /** How many rows (JSON objects) were read. */
    public synchronized int size() {
        return rows.size();
    }

    /** Changes whenever the file was found shrunk, replaced or gone and the rows were dropped. */
    public synchronized int generation() {
        return generation;
    }

    /** Lines that were not JSON objects, since the file was last (re)started. */
    public synchronized int skipped() {
        return skipped;
    }

    /** The file, as given. */
    public Path file() {
        return file;
    }

    /** Whether the file exists and may be read (its real path inside the bound). */
    public boolean readable() {
        return bound.inside(file);
    }
}
