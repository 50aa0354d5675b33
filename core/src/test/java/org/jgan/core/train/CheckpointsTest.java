package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a checkpoint restores everything a resumed run needs (parameters, batch-norm buffers, the EMA copy,
 * Adam's moments and step count, the counters), that list/latest/prune see only complete step checkpoints in step
 * order, that loading into a network of another shape fails with an IOException naming the file, as does a damaged
 * state.json, and that a checkpoint is as readable as an ordinary folder under the process umask.
 */
class CheckpointsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** Linear then batch norm: parameters and buffers. */
    static final class Tiny extends GanNet {
        final LinearImpl fc;
        final BatchNorm1dImpl bn;

        Tiny(long in, long out) {
            fc = register_module("fc", Layers.linear(in, out, true));
            bn = register_module("bn", Layers.bn1d(out));
        }

        @Override
        public Tensor forward(Tensor x, Tensor labels) {
            return bn.forward(fc.forward(x));
        }
    }

    /** A generator 3 -> 4 and a discriminator 4 -> 1 (1-D batch norm needs 2+ samples), with Adam per group. */
    static final class Setup implements AutoCloseable {
        final Players players;
        final Map<String, Adam> opts;
        final Ema ema;

        Setup(long seed, long gOut) {
            torch.manual_seed(seed);
            players = Players.of(new Tiny(3, gOut), new Tiny(gOut, 1));
            opts = Map.of(Players.G, Optimizers.adam(players.parameters(Players.G), 0.01, 0.5, 0.999),
                    Players.D, Optimizers.adam(players.parameters(Players.D), 0.02, 0.5, 0.999));
            ema = new Ema(new Tiny(3, gOut), players.generator(), 0.5);
        }

        /** One step updating both players on a fixed batch. */
        void step() {
            try (StepScope s = StepScope.open()) {
                Tensor x = Tensors.fromFloats(new float[]{1, -2, 0.5f, 0.3f, 0.7f, -1, 2, 0, 1, -0.4f, 0.1f, 0.9f},
                        4, 3);
                opts.values().forEach(o -> o.zero_grad(true));
                players.discriminator().forward(players.generator().forward(x, null), null).square().sum()
                        .backward();
                opts.values().forEach(Adam::step);
                ema.update(players.generator(), 1000);
            }
        }

        @Override
        public void close() {
            opts.values().forEach(Adam::close);
            ema.close();
            players.close();
        }
    }

    static float[] flat(TensorVector v) {
        try (StepScope s = StepScope.open()) {
            float[][] parts = new float[(int) v.size()][];
            int n = 0;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = Tensors.toFloats(v.get(i));
                n += parts[i].length;
            }
            float[] out = new float[n];
            int at = 0;
            for (float[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }

    static void assertSameState(Setup a, Setup b) {
        for (String net : List.of(Players.G, Players.D)) {
            assertArrayEquals(flat(a.players.net(net).parameters(true)), flat(b.players.net(net).parameters(true)),
                    net + " parameters");
            assertArrayEquals(flat(a.players.net(net).buffers(true)), flat(b.players.net(net).buffers(true)),
                    net + " buffers");
        }
        assertArrayEquals(flat(a.ema.net().parameters(true)), flat(b.ema.net().parameters(true)), "EMA");
    }

    @Test
    void loadRestoresWeightsBuffersEmaAndTheNextAdamStep() throws IOException {
        Path dir = tmp.resolve("checkpoints/step-000002");
        try (Setup a = new Setup(1, 4); Setup b = new Setup(2, 4)) {
            a.step();
            a.step();
            Checkpoints.save(dir, a.players, a.opts, a.ema, new TrainState(2, 1, 3));
            assertFalse(java.util.Arrays.equals(flat(a.players.generator().parameters(true)),
                    flat(b.players.generator().parameters(true))), "the two setups must start different");
            assertEquals(new TrainState(2, 1, 3), Checkpoints.load(dir, b.players, b.opts, b.ema));
            assertSameState(a, b);
            // Adam's moments and step count came along: the next step is the same on both.
            a.step();
            b.step();
            assertSameState(a, b);
        }
        for (String f : List.of("G.pt", "D.pt", "G_ema.pt", "opt-G.pt", "opt-D.pt", "state.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
    }

    @Test
    void loadingIntoANetworkOfAnotherShapeNamesTheFile() throws IOException {
        Path dir = tmp.resolve("ckpt");
        try (Setup a = new Setup(1, 4); Setup wider = new Setup(1, 5); Setup wider2 = new Setup(1, 5)) {
            Checkpoints.save(dir, a.players, a.opts, null, TrainState.start());
            IOException e = assertThrows(IOException.class,
                    () -> Checkpoints.load(dir, wider.players, wider.opts, null));
            assertTrue(e.getMessage().matches("\\Q" + dir + "/\\E[GD]\\.pt: does not fit this network .*"),
                    e.getMessage());
            e = assertThrows(IOException.class,
                    () -> Checkpoints.loadModule(wider2.players.generator(), dir.resolve("G.pt")));
            assertEquals(dir.resolve("G.pt") + ": does not fit this network (fc.weight is [4, 3] in the checkpoint, "
                    + "[5, 3] here)", e.getMessage());
        }
    }

    @Test
    void missingPiecesAreIoErrors() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        try (Setup a = new Setup(1, 4)) {
            IOException e = assertThrows(IOException.class, () -> Checkpoints.load(dir, a.players, a.opts, null));
            assertEquals(dir + ": not a checkpoint (no state.json)", e.getMessage());
            Files.writeString(dir.resolve("state.json"), "{\"step\":1,\"epoch\":0,\"batchInEpoch\":1}");
            e = assertThrows(IOException.class, () -> Checkpoints.load(dir, a.players, a.opts, null));
            // Networks load in the order of Players' map, which Map.of does not fix: either file may come first.
            assertTrue(e.getMessage().equals(dir.resolve("G.pt") + ": missing from the checkpoint")
                    || e.getMessage().equals(dir.resolve("D.pt") + ": missing from the checkpoint"), e.getMessage());
        }
    }

    static void fakeCheckpoint(Path run, String name) throws IOException {
        Path d = Files.createDirectories(run.resolve("checkpoints").resolve(name));
        Files.writeString(d.resolve("state.json"), "{}");
    }

    @Test
    void listLatestAndPruneSeeOnlyCompleteStepCheckpointsInStepOrder() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(List.of(), Checkpoints.list(run));
        assertTrue(Checkpoints.latest(run).isEmpty());
        for (long step : new long[]{10, 2, 1_000_000, 999_999}) {
            fakeCheckpoint(run, Checkpoints.name(step));
        }
        fakeCheckpoint(run, "best");
        fakeCheckpoint(run, ".tmp-step-000011-123");
        Files.createDirectories(run.resolve("checkpoints/step-000005"));
        List<String> expected = List.of("step-000002", "step-000010", "step-999999", "step-1000000");
        assertEquals(expected, Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(run.resolve("checkpoints/step-1000000"), Checkpoints.latest(run).orElseThrow());
        Checkpoints.prune(run, 2);
        assertEquals(expected.subList(2, 4),
                Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.exists(run.resolve("checkpoints/best/state.json")), "prune must keep named checkpoints");
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step-000005")), "prune touches only checkpoints");
        Checkpoints.prune(run, 5);
        assertEquals(2, Checkpoints.list(run).size());
    }

    @Test
    void aDamagedStateJsonIsAnIoErrorNamingTheFile() throws IOException {
        Path dir = tmp.resolve("checkpoints/step-000002");
        try (Setup a = new Setup(1, 4)) {
            Checkpoints.save(dir, a.players, a.opts, a.ema, new TrainState(2, 1, 3));
        }
        Path state = dir.resolve("state.json");
        Files.write(state, java.util.Arrays.copyOf(Files.readAllBytes(state), 9));  // a kill or a bad disk
        IOException e = assertThrows(IOException.class, () -> Checkpoints.readState(dir));
        assertTrue(e.getMessage().startsWith(state + ": damaged (Unexpected end-of-input"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        Checkpoints.writeState(dir, new TrainState(2, 1, 3, 0.25, 2));
        assertEquals(new TrainState(2, 1, 3, 0.25, 2), Checkpoints.readState(dir));
    }

    @Test
    void aCheckpointIsAsReadableAsAnOrdinaryFolder() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes");
        var probe = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe")));
        var probeFile = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe.txt")));
        Path dir = tmp.resolve("checkpoints/step-000001");
        try (Setup a = new Setup(1, 4)) {
            Checkpoints.save(dir, a.players, a.opts, a.ema, TrainState.start());
        }
        assertEquals(probe, Files.getPosixFilePermissions(dir));
        assertEquals(probeFile, Files.getPosixFilePermissions(dir.resolve("state.json")));
        // the umask of this process decides; under 022 the group and others can list and read the checkpoint
        var shared = java.util.Set.of(java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        org.junit.jupiter.api.Assumptions.assumeTrue(probeFile.containsAll(shared), "umask keeps files private");
        for (Path p : List.of(dir, dir.resolve("state.json"), dir.resolve("G.pt"))) {
            var perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.containsAll(shared), p + ": " + perms);
        }
    }
}
