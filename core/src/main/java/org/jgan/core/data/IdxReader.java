package org.jgan.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (LeCun et al. 1998): a magic number whose third byte is the
 * element type (0x08 = unsigned byte) and fourth the number of dimensions, then one big-endian int per dimension, then
 * the data. Plain or gzip-compressed (detected from the content, not the name).
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** The decoded contents of an IDX file of unsigned bytes. */
    public record Idx(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    /** Reads an unsigned-byte IDX file with {@code expectedDims} dimensions (3 for images, 1 for labels). */
    public static Idx read(Path file, int expectedDims) {
        byte[] bytes = readAll(file);
        if (bytes.length < 4) {
            throw new DataException(file + ": not an IDX file (only " + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        int type = (magic >> 8) & 0xff;
        int ndims = magic & 0xff;
        if ((magic >>> 16) != 0 || type != 0x08) {
            throw new DataException(String.format(
                    "%s: wrong IDX magic number 0x%08x (expected 0x%08x for unsigned bytes with %d dimension%s)",
                    file, magic, 0x800 | expectedDims, expectedDims, expectedDims == 1 ? "" : "s"));
        }
        if (ndims != expectedDims) {
            throw new DataException(file + ": IDX file has " + ndims + " dimensions, expected " + expectedDims
                    + (expectedDims == 3 ? " (images)" : " (labels)"));
        }
        if (bytes.length < 4 + 4 * ndims) {
            throw new DataException(file + ": IDX header is cut short");
        }
        int[] dims = new int[ndims];
        long expected = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = buf.getInt();
            if (dims[i] <= 0) {
                throw new DataException(file + ": IDX dimension " + i + " is " + dims[i] + ", must be positive");
            }
            expected *= dims[i];
        }
        long actual = bytes.length - 4L - 4L * ndims;
        if (actual != expected) {
            throw new DataException(file + ": IDX header promises " + expected + " bytes of data ("
                    + java.util.Arrays.toString(dims) + ") but the file holds " + actual);
        }
        byte[] data = new byte[(int) expected];
        buf.get(data);
        return new Idx(dims, data);
    }

    private static byte[] readAll(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
            if (!gzip) {
                return raw;
            }
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
