package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.metrics.FidStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Jgan#fid} and {@link Jgan#stats} over data sets, {@code .npz} statistics and a run's samples. */
class FidApiTest {
    @TempDir
    static Path tmp;
    static String a;
    static String b;

    @BeforeAll
    static void data() throws IOException {
        System.setProperty("jgan.cache.dir", tmp.resolve("cache").toString());
        // more images than the built-in features have dimensions (128), for covariances of full rank
        a = idx("a-images-idx3-ubyte", SyntheticData.shapes(160, 28, 4));
        b = idx("b-images-idx3-ubyte", SyntheticData.shapes(160, 28, 5));
    }

    static String idx(String name, ImageDataset d) throws IOException {
        Path p = tmp.resolve(name);
        IdxWriter.write(p, new int[]{d.size(), 28, 28}, d.pixels());
        return p.toString();
    }

    @Test
    void fidOfDataSetsAndTheirStatisticsFiles() throws IOException {
        FidOptions o = FidOptions.defaults();
        assertEquals(0, Jgan.fid(a, a, o).fid(), 1e-6, "a source against itself");
        FidComparison ab = Jgan.fid(a, b, o);
        assertTrue(ab.fid() > 0 && Double.isFinite(ab.fid()), "fid " + ab.fid());
        // Swapping the sides swaps which covariance is square-rooted first; the square roots of round-off
        // eigenvalues of these rank-deficient covariances (160 simple shapes, 128 dimensions) differ in the 8th-9th
        // digit with the CPU's LAPACK kernels (5e-9 relative on a Xeon, below 1e-9 on a Zen 5)
        assertEquals(ab.fid(), Jgan.fid(b, a, o).fid(), 1e-7 * ab.fid(), "symmetric");
        assertEquals(160, ab.a().count());
        assertEquals(2, ab.warnings().size(), "160 images are below the recommended count: " + ab.warnings());
        assertTrue(ab.warnings().get(0).contains(a), ab.warnings().get(0));

        FidStats sa = Jgan.stats(a, o);
        Path npz = tmp.resolve("a.npz");
        sa.save(npz);
        FidStats back = FidStats.load(npz);
        assertArrayEquals(sa.mu(), back.mu());
        assertArrayEquals(sa.sigma(), back.sigma());
        assertEquals(ab.fid(), Jgan.fid(npz.toString(), b, o).fid(), 1e-9 * ab.fid(), "the file stands for a");
        assertEquals(0, Jgan.fid(npz.toString(), npz.toString(), o).fid(), 1e-6);
        ConfigException again = assertThrows(ConfigException.class, () -> Jgan.stats(npz.toString(), o));
        assertTrue(again.getMessage().contains("already a statistics file"), again.getMessage());
        assertThrows(ConfigException.class, () -> o.samples(1));
    }

    @Test
    void aRunIsSampledAtItsCheckpoint() throws IOException {
        Path run = tmp.resolve("dcgan");
        Jgan.train(Jgan.config("dcgan").data(a).batch(8).width(8).steps(2).sampleAndCheckpointEvery(2, 2).build(),
                run).run();
        FidOptions o = FidOptions.defaults().samples(140).seed(3);
        double fid = Jgan.fid(run.toString(), b, o).fid();
        assertTrue(fid > 0 && Double.isFinite(fid), "fid " + fid);
        assertEquals(fid, Jgan.fid(run + "@step-000002", b, o).fid(), 1e-9 * fid, "the latest checkpoint");
        FidStats s = Jgan.stats(run.toString(), o);
        assertEquals(140, s.count());
        FidStats other = Jgan.stats(run.toString(), o.seed(4));
        assertTrue(!java.util.Arrays.equals(s.mu(), other.mu()), "another seed, other samples");
    }
}
