package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link IdxReader} reads plain and gzip IDX files exactly, and rejects every kind of broken file with a
 * {@link DataException} whose message names the file and what is wrong.
 */
class IdxReaderTest {
    @TempDir
    Path tmp;

    static final byte[] PIXELS = new byte[2 * 3 * 4];

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (byte) (i * 11);
        }
    }

    /** An IDX file by hand: magic (type 0x08, ndims), one big-endian int per dim, then {@code data}. */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    Path file(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    /** Reading {@code f} fails with a message naming {@code f} and containing {@code problem}. */
    static void assertFails(Path f, int dims, String problem) {
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(f, dims));
        assertTrue(e.getMessage().contains(f.toString()), "message does not name the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "message does not say '" + problem + "': " + e.getMessage());
    }

    @Test
    void readsWhatIdxWriterWrote() throws IOException {
        Path f = tmp.resolve("imgs-idx3-ubyte");
        IdxWriter.write(f, new int[]{2, 3, 4}, PIXELS);
        IdxReader.Idx idx = IdxReader.read(f, 3);
        assertArrayEquals(new int[]{2, 3, 4}, idx.dims());
        assertEquals(2, idx.count());
        assertArrayEquals(PIXELS, idx.data());
        assertArrayEquals(idx(0x803, new int[]{2, 3, 4}, PIXELS), Files.readAllBytes(f));
    }

    @Test
    void readsGzipByContentWhateverTheName() throws IOException {
        byte[] labels = {0, 9, 3, (byte) 255};
        Path gz = file("labels.gz", gzip(idx(0x801, new int[]{4}, labels)));
        Path gzNoSuffix = file("labels-idx1-ubyte", gzip(idx(0x801, new int[]{4}, labels)));
        assertArrayEquals(labels, IdxReader.read(gz, 1).data());
        assertArrayEquals(labels, IdxReader.read(gzNoSuffix, 1).data());
        assertEquals(255, IdxReader.read(gz, 1).data()[3] & 0xff);
    }

    @Test
    void wrongMagicNumber() throws IOException {
        // 0x0D = float elements: not unsigned bytes.
        assertFails(file("float", idx(0x0D03, new int[]{2, 3, 4}, new byte[96])), 3, "wrong IDX magic number");
        // A PNG signature in place of the magic number.
        assertFails(file("png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}), 3, "0x89504e47");
    }

    @Test
    void wrongNumberOfDimensions() throws IOException {
        Path labels = file("labels", idx(0x801, new int[]{4}, new byte[4]));
        assertFails(labels, 3, "1 dimensions, expected 3");
        Path images = file("images", idx(0x803, new int[]{2, 3, 4}, PIXELS));
        assertFails(images, 1, "3 dimensions, expected 1");
    }

    @Test
    void headerSizesThatDoNotMatchTheFileLength() throws IOException {
        // Header says 2x3x4 = 24 bytes; the file holds 30, or 20.
        assertFails(file("long", idx(0x803, new int[]{2, 3, 4}, new byte[30])), 3, "promises 24 bytes");
        assertFails(file("short", idx(0x803, new int[]{2, 3, 4}, new byte[20])), 3, "holds 20");
        // Sizes whose product overflows an int must not wrap around into a plausible size.
        assertFails(file("huge", idx(0x803, new int[]{65536, 65536, 1}, new byte[0])), 3, "promises 4294967296");
        assertFails(file("zero", idx(0x803, new int[]{0, 3, 4}, new byte[0])), 3, "dimension 0 is 0");
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] good = idx(0x803, new int[]{2, 3, 4}, PIXELS);
        assertFails(file("cut-data", Arrays.copyOf(good, good.length - 1)), 3, "holds 23");
        assertFails(file("cut-header", Arrays.copyOf(good, 9)), 3, "header is cut short");
        assertFails(file("cut-magic", Arrays.copyOf(good, 3)), 3, "only 3 bytes");
        assertFails(file("empty", new byte[0]), 3, "only 0 bytes");
        byte[] gz = gzip(good);
        assertFails(file("cut.gz", Arrays.copyOf(gz, gz.length - 12)), 3, "corrupt gzip");
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = gzip(idx(0x803, new int[]{2, 3, 4}, PIXELS));
        byte[] bad = gz.clone();
        for (int i = 10; i < bad.length - 8; i++) {
            bad[i] = (byte) ~bad[i];
        }
        assertFails(file("bad.gz", bad), 3, "corrupt gzip");
        assertFails(file("magic-only.gz", new byte[]{0x1f, (byte) 0x8b, 1, 2, 3}), 3, "corrupt gzip");
    }

    @Test
    void missingFileOrFolder() {
        assertFails(tmp.resolve("nope-idx3-ubyte"), 3, "file not found");
        assertFails(tmp, 3, "cannot read");
    }
}
