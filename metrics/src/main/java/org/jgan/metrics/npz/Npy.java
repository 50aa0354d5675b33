package org.jgan.metrics.npz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.core.train.AtomicFiles;

/**
 * Single {@code .npy} files as {@code numpy.save} writes them (format version 1.0, C order, the data aligned to 64
 * bytes), for arrays too large to hold as float64: unsigned bytes (images) and int64 (labels). Files are written to a
 * temporary name and renamed, so a reader never sees half a file. {@link Npz} shares the header code.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Writes {@code data} as a {@code uint8} array of {@code shape} ({@code numpy.load} gives dtype uint8). */
    public static void writeUint8(Path file, long[] shape, byte[] data) throws IOException {
        requireCount(shape, data.length);
        byte[] header = header("|u1", shape);
        AtomicFiles.write(file, o -> {
            o.write(header);
            o.write(data);
        });
    }

    /** Writes {@code data} as a little-endian {@code int64} array of {@code shape}. */
    public static void writeInt64(Path file, long[] shape, long[] data) throws IOException {
        requireCount(shape, data.length);
        byte[] header = header("<i8", shape);
        ByteBuffer b = ByteBuffer.allocate(header.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (long v : data) {
            b.putLong(v);
        }
        AtomicFiles.write(file, o -> o.write(b.array()));
    }

    /** Reads a {@code .npy} file of any dtype and order {@link Npz} reads, as float64 values in C order. */
    public static NpyArray read(Path file) throws IOException {
        return Npz.readNpy(Files.readAllBytes(file), file.toString());
    }

    /**
     * Magic, version 1.0, header length and the header dict, padded with spaces and a newline so the data starts on
     * a 64-byte boundary, as numpy writes it (a 1-d shape is written "(n,)", a scalar's "()").
     */
    static byte[] header(String descr, long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        return b.put(header.getBytes(StandardCharsets.US_ASCII)).array();
    }

    private static void requireCount(long[] shape, int count) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + count);
        }
    }
}
