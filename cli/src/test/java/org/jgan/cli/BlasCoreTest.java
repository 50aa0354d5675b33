package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jgan.engine.CpuInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasCoreTest {
    @TempDir
    Path tmp;

    @Test
    void coreNamesRankByTheirVectorWidth() {
        assertEquals(3, BlasCore.rank("Cooperlake"));
        assertEquals(3, BlasCore.rank("AVX-512"));
        assertEquals(2, BlasCore.rank("Haswell"));
        assertEquals(2, BlasCore.rank("Zen"));
        assertEquals(1, BlasCore.rank("Sandybridge"));
        assertEquals(0, BlasCore.rank("Prescott"));
        assertEquals(0, BlasCore.rank(""));
    }

    /** A stand-in for python whose OpenBLAS falls back to Prescott unless told a core, as Debian's 0.3.21 does. */
    private String fakePython(String fallback) throws Exception {
        Path p = tmp.resolve("python");
        Files.writeString(p, "#!/bin/sh\necho \"Core: ${OPENBLAS_CORETYPE:-" + fallback + "}\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    @Test
    void anOpenBlasThatFellBackToOldKernelsIsToldThisCpusWidth() throws Exception {
        int cpu = BlasCore.rank(CpuInfo.vectorIsa());
        assumeTrue(cpu >= 1, "a CPU with AVX or wider");
        BlasCore.Choice c = BlasCore.choose(fakePython("Prescott"), null);
        assertEquals("Prescott", c.found());
        assertEquals(cpu, BlasCore.rank(c.env().get("OPENBLAS_CORETYPE")), c.toString());
        assertTrue(c.note().contains("Prescott"), c.note());
    }

    @Test
    void anOpenBlasThatKnowsTheCpuIsLeftAlone() throws Exception {
        assumeTrue(BlasCore.rank(CpuInfo.vectorIsa()) <= 3);
        BlasCore.Choice c = BlasCore.choose(fakePython("SapphireRapids"), null);
        assertEquals(Map.of(), c.env());
        assertEquals("SapphireRapids", c.found());
    }

    @Test
    void aUsersCoreNarrowerThanTheCpuIsOverriddenAndAWideOneKept() throws Exception {
        int cpu = BlasCore.rank(CpuInfo.vectorIsa());
        assumeTrue(cpu >= 3, "a CPU with AVX-512");
        String python = fakePython("Cooperlake");
        BlasCore.Choice narrow = BlasCore.choose(python, "Haswell");
        assertEquals("Haswell", narrow.found());
        assertEquals("SkylakeX", narrow.env().get("OPENBLAS_CORETYPE"), narrow.toString());
        assertTrue(narrow.note().contains("as set"), narrow.note());
        BlasCore.Choice wide = BlasCore.choose(python, "SkylakeX");
        assertEquals(Map.of(), wide.env(), wide.toString());
        assertEquals("SkylakeX", wide.found());
    }
}
