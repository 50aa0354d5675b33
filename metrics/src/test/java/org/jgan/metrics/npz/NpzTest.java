package org.jgan.metrics.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.data.DataException;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path tmp;

    @Test
    void statsRoundTripBitForBit() throws Exception {
        double[] mu = {1.5, -2.25, Math.PI};
        double[] sigma = {2, 0.1, 0.2, 0.1, 3, 0.3, 0.2, 0.3, 4};
        Path f = tmp.resolve("stats.npz");
        new FidStats("x", 100, mu, sigma).save(f);
        FidStats back = FidStats.load(f);
        assertArrayEquals(mu, back.mu());
        assertArrayEquals(sigma, back.sigma());
        assertEquals(3, back.dim());
    }

    @Test
    void arraysRoundTripInBothPrecisions() throws Exception {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("scalar", NpyArray.scalar(7.5));
        a.put("m", NpyArray.matrix(new double[]{1, 2, 3, 4, 5, 6}, 2, 3));
        for (boolean f32 : new boolean[]{false, true}) {
            Path f = tmp.resolve("a" + f32 + ".npz");
            Npz.write(f, a, f32);
            Map<String, NpyArray> b = Npz.read(f);
            assertArrayEquals(new long[0], b.get("scalar").shape());
            assertArrayEquals(new long[]{2, 3}, b.get("m").shape());
            assertArrayEquals(a.get("m").data(), b.get("m").data());
        }
    }

    @Test
    void readsPytorchFidFilesAsTheyAre() throws Exception {
        // np.savez_compressed(mu=..., sigma=...), exactly what pytorch-fid's --save-stats writes.
        FidStats s = FidStats.load(Fixtures.path("pytorch-fid-stats.npz"));
        assertEquals(6, s.dim());
        FidStats f32 = FidStats.load(Fixtures.path("stats-float32.npz"));
        for (int i = 0; i < s.sigma().length; i++) {
            assertEquals(s.sigma()[i], f32.sigma()[i], 1e-6 * Math.abs(s.sigma()[i]) + 1e-12);
        }
        FidStats fortran = FidStats.load(Fixtures.path("stats-fortran.npz"));
        assertArrayEquals(s.sigma(), fortran.sigma());
        // A non-symmetric Fortran-order array comes back in row-major order.
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, Npz.read(Fixtures.path("stats-fortran.npz"))
                .get("order").data());
    }

    @Test
    void ourFilesUseNumpysLayout() throws Exception {
        Path f = tmp.resolve("s.npz");
        new FidStats("x", 0, new double[]{1, 2}, new double[]{1, 0, 0, 1}).save(f);
        try (var zip = new java.util.zip.ZipFile(f.toFile())) {
            assertTrue(zip.getEntry("mu.npy") != null && zip.getEntry("sigma.npy") != null);
            byte[] head = zip.getInputStream(zip.getEntry("sigma.npy")).readNBytes(128);
            String header = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)"), header);
            int len = (head[8] & 0xff) | (head[9] & 0xff) << 8;
            assertEquals(0, (10 + len) % 64, "numpy aligns the data to 64 bytes");
        }
    }

    @Test
    void missingOrMisshapenArraysAreNamed() {
        DataException e = assertThrows(DataException.class,
                () -> FidStats.load(Fixtures.path("stats-no-sigma.npz")));
        assertTrue(e.getMessage().contains("stats-no-sigma.npz") && e.getMessage().contains("'sigma'"),
                e.getMessage());
        e = assertThrows(DataException.class, () -> FidStats.load(Fixtures.path("stats-bad-shape.npz")));
        assertTrue(e.getMessage().contains("stats-bad-shape.npz") && e.getMessage().contains("[5, 5]")
                && e.getMessage().contains("[6]"), e.getMessage());
    }

    @Test
    void notAnNpzFile() throws Exception {
        Path f = tmp.resolve("junk.npz");
        Files.writeString(f, "not a zip");
        DataException e = assertThrows(DataException.class, () -> FidStats.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> FidStats.load(tmp.resolve("none.npz")));
    }

    @Test
    void aFileCutShortAnywhereIsNamedNeverAnIoError() throws Exception {
        // Cut inside a zip entry's header, java.util.zip throws an EOFException without a message: the command line
        // said "I/O error: EOFException" without naming the file.
        Path whole = tmp.resolve("whole.npz");
        new FidStats("x", 10, new double[]{1, 2}, new double[]{1, 0, 0, 1}).save(whole);
        byte[] b = Files.readAllBytes(whole);
        int refused = 0;
        for (int n = 1; n < b.length; n++) {
            Path f = Files.write(tmp.resolve("cut.npz"), java.util.Arrays.copyOf(b, n));
            try {
                // Entries are read in order, so a cut in the zip's closing directory still leaves every array whole.
                assertArrayEquals(new double[]{1, 2}, FidStats.load(f).mu(), "cut at " + n);
            } catch (DataException e) {
                assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > b.length / 2, refused + " of " + b.length + " cuts refused");
    }
}
