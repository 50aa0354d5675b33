package org.jgan.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;
import org.jgan.core.nn.GanNet;

/**
 * Checkpoint folders: {@code checkpoints/step-NNNNNN/} with one libtorch archive per network ({@code G.pt},
 * {@code D.pt}, {@code G_ema.pt}), one per optimizer ({@code opt-G.pt}, ...) and {@code state.json}. Each folder is
 * written beside its final place and renamed into it ({@link AtomicFiles#writeDir}), so a crash never leaves half a
 * checkpoint; a folder without state.json is never considered.
 */
public final class Checkpoints {
    public static final String EMA_FILE = "G_ema.pt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {
    }

    public static String name(long step) {
        return String.format("step-%06d", step);
    }

    public static void save(Path dir, Players players, Map<String, ? extends Optimizer> optimizers, Ema ema,
                            TrainState state) throws IOException {
        AtomicFiles.writeDir(dir, tmp -> {
            for (var e : players.nets().entrySet()) {
                saveModule(e.getValue(), tmp.resolve(e.getKey() + ".pt"));
            }
            if (ema != null) {
                saveModule(ema.net(), tmp.resolve(EMA_FILE));
            }
            for (var e : optimizers.entrySet()) {
                OutputArchive a = new OutputArchive();
                e.getValue().save(a);
                a.save_to(tmp.resolve("opt-" + e.getKey() + ".pt").toString());
                a.close();
            }
            Files.writeString(tmp.resolve("state.json"), JSON.writeValueAsString(state));
        });
    }

    /** Restores everything {@link #save} wrote into already-built networks and optimizers. */
    public static TrainState load(Path dir, Players players, Map<String, ? extends Optimizer> optimizers, Ema ema)
            throws IOException {
        TrainState state = readState(dir);
        for (var e : players.nets().entrySet()) {
            loadModule(e.getValue(), dir.resolve(e.getKey() + ".pt"));
        }
        if (ema != null) {
            Path f = dir.resolve(EMA_FILE);
            if (Files.exists(f)) {
                loadModule(ema.net(), f);
            } else {
                ema.copyFrom(players.generator());
            }
        }
        for (var e : optimizers.entrySet()) {
            InputArchive a = new InputArchive();
            a.load_from(dir.resolve("opt-" + e.getKey() + ".pt").toString());
            e.getValue().load(a);
            a.close();
        }
        return state;
    }

    public static TrainState readState(Path dir) throws IOException {
        Path f = dir.resolve("state.json");
        if (!Files.exists(f)) {
            throw new IOException(dir + ": not a checkpoint (no state.json)");
        }
        return JSON.readValue(f.toFile(), TrainState.class);
    }

    public static void saveModule(Module m, Path file) {
        OutputArchive a = new OutputArchive();
        m.save(a);
        a.save_to(file.toString());
        a.close();
    }

    public static void loadModule(Module m, Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing from the checkpoint");
        }
        InputArchive a = new InputArchive();
        try {
            a.load_from(file.toString());
            m.load(a);
        } catch (RuntimeException e) {
            throw new IOException(file + ": does not fit this network (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            a.close();
        }
    }

    /** Step checkpoints of a run, oldest first. */
    public static List<Path> list(Path runDir) throws IOException {
        Path root = runDir.resolve("checkpoints");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .filter(p -> Files.exists(p.resolve("state.json")))
                    .sorted().toList();
        }
    }

    public static Optional<Path> latest(Path runDir) throws IOException {
        List<Path> all = list(runDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Deletes all but the newest {@code keep} step checkpoints. */
    public static void prune(Path runDir, int keep) throws IOException {
        List<Path> all = list(runDir);
        for (int i = 0; i < all.size() - keep; i++) {
            AtomicFiles.deleteTree(all.get(i));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The generator weights to sample from: the EMA copy when the checkpoint has one, unless told otherwise. */
    public static void loadGenerator(Path dir, GanNet generator, boolean preferEma) throws IOException {
        Path ema = dir.resolve(EMA_FILE);
        loadModule(generator, preferEma && Files.exists(ema) ? ema : dir.resolve(Players.G + ".pt"));
    }
}
