package org.jgan.metrics.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single .npy files: byte for byte what numpy.save writes for the same arrays (fixtures from make_npy_fixtures.py),
 * and they read back through the .npz reader with unsigned bytes and 64-bit values intact.
 */
class NpyTest {
    @TempDir
    Path tmp;

    /** The values make_npy_fixtures.py writes: (i * 37) % 256 for i in 0..119. */
    private static byte[] uint8Values() {
        byte[] b = new byte[2 * 4 * 5 * 3];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 37 % 256);
        }
        return b;
    }

    @Test
    void uint8IsNumpysBytes() throws Exception {
        Path f = tmp.resolve("u.npy");
        Npy.writeUint8(f, new long[]{2, 4, 5, 3}, uint8Values());
        assertArrayEquals(Files.readAllBytes(Fixtures.path("npy-uint8.npy")), Files.readAllBytes(f));
    }

    @Test
    void int64IsNumpysBytes() throws Exception {
        Path f = tmp.resolve("l.npy");
        long[] v = {0, 3, -1, (1L << 40) + 7, 9};
        Npy.writeInt64(f, new long[]{5}, v);
        assertArrayEquals(Files.readAllBytes(Fixtures.path("npy-int64.npy")), Files.readAllBytes(f));
    }

    @Test
    void readBackKeepsUnsignedBytesAndLargeIntegers() throws Exception {
        NpyArray u = Npy.read(Fixtures.path("npy-uint8.npy"));
        assertArrayEquals(new long[]{2, 4, 5, 3}, u.shape());
        byte[] b = uint8Values();
        for (int i = 0; i < b.length; i++) {
            if (u.data()[i] != (b[i] & 0xff)) {
                throw new AssertionError("value " + i + ": " + u.data()[i] + " != " + (b[i] & 0xff));
            }
        }
        assertArrayEquals(new double[]{0, 3, -1, (1L << 40) + 7, 9}, Npy.read(Fixtures.path("npy-int64.npy")).data());
    }

    @Test
    void aShapeThatDoesNotFitTheDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Npy.writeUint8(tmp.resolve("x.npy"), new long[]{2, 3},
                new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> Npy.writeInt64(tmp.resolve("y.npy"), new long[]{4},
                new long[5]));
    }
}
