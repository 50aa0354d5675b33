package org.jgan.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jgan.core.train.AtomicFiles;

/** Writes unsigned-byte IDX files (images N x H x W, or labels N), readable by MNIST tooling and {@link IdxReader}. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes {@code data} with the given dimensions; the product of {@code dims} must equal its length. */
    public static void write(Path file, int[] dims, byte[] data) throws IOException {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("IDX dims " + java.util.Arrays.toString(dims) + " hold " + n
                    + " bytes, data has " + data.length);
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.putInt(0x0800 | dims.length);
        for (int d : dims) {
            header.putInt(d);
        }
        AtomicFiles.write(file, (OutputStream out) -> {
            out.write(header.array());
            out.write(data);
        });
    }
}
