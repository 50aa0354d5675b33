package org.jgan.core.train;

import static org.jgan.engine.NativeErrors.firstLine;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.StepScope;

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
            Path f = dir.resolve("opt-" + e.getKey() + ".pt");
            InputArchive a = new InputArchive();
            try {
                a.load_from(f.toString());
                e.getValue().load(a);
            } catch (RuntimeException ex) {
                // libtorch's own text names neither the file nor the cause a user can act on
                throw new IOException(f + ": missing, truncated or damaged (" + firstLine(ex.getMessage()) + ")", ex);
            } finally {
                a.close();
            }
        }
        return state;
    }

    /** The counters of checkpoint {@code dir}; an IOException naming state.json when it is missing or damaged. */
    public static TrainState readState(Path dir) throws IOException {
        Path f = dir.resolve("state.json");
        if (!Files.exists(f)) {
            throw new IOException(dir + ": not a checkpoint (no state.json)");
        }
        try {
            return JSON.readValue(f.toFile(), TrainState.class);
        } catch (JsonProcessingException e) {
            throw new IOException(f + ": damaged (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
    }

    /**
     * Replaces the counters of checkpoint {@code dir}, e.g. with the learning-rate scale and rollback count after
     * the guard rolled back to it: the run now stands on these weights with those counters.
     */
    public static void writeState(Path dir, TrainState state) throws IOException {
        AtomicFiles.writeString(dir.resolve("state.json"), JSON.writeValueAsString(state));
    }

    public static void saveModule(Module m, Path file) {
        OutputArchive a = new OutputArchive();
        m.save(a);
        a.save_to(file.toString());
        a.close();
    }

    /**
     * Loads {@code file} into {@code m}; a {@link CheckpointFileException} naming the file when it is missing, cannot
     * be read as an archive (truncated or corrupt), or its tensors do not fit. After such a failure {@code m} may be
     * partly overwritten: discard it.
     */
    public static void loadModule(Module m, Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new CheckpointFileException(file + ": missing from the checkpoint");
        }
        Map<String, List<Long>> expected = shapes(m);
        InputArchive a = new InputArchive();
        try {
            a.load_from(file.toString());
            m.load(a);
        } catch (RuntimeException e) {
            // libtorch's zip reader failing means the file itself is damaged, not that it belongs to another network.
            String why = firstLine(e.getMessage());
            boolean damaged = why.contains("PytorchStreamReader") || why.contains("zip archive");
            throw new CheckpointFileException(file + (damaged ? ": truncated or corrupt, not a readable libtorch "
                    + "archive (" : ": does not fit this network (") + why + ")", e);
        } finally {
            a.close();
        }
        // libtorch's load replaces a tensor of another shape without complaint (Tensor.set_), so check afterwards.
        Map<String, List<Long>> loaded = shapes(m);
        for (var e : expected.entrySet()) {
            if (!e.getValue().equals(loaded.get(e.getKey()))) {
                throw new CheckpointFileException(file + ": does not fit this network (" + e.getKey() + " is "
                        + loaded.get(e.getKey()) + " in the checkpoint, " + e.getValue() + " here)");
            }
        }
    }

    /** Shapes of every parameter and buffer by dotted name. */
    private static Map<String, List<Long>> shapes(Module m) {
        Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
        try (StepScope s = StepScope.open()) {
            for (StringTensorDict d : List.of(m.named_parameters(true), m.named_buffers(true))) {
                for (long i = 0; i < d.size(); i++) {
                    Tensor t = d.get(i).value();
                    List<Long> shape = new java.util.ArrayList<>();
                    for (long k = 0; k < t.dim(); k++) {
                        shape.add(t.size(k));
                    }
                    out.put(d.get(i).key().getString(), shape);
                }
            }
        }
        return out;
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
                    // By number: past step 999999 the names grow a digit and no longer sort as text.
                    .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()
                            .substring("step-".length()))))
                    .toList();
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

    /** The generator weights to sample from: the EMA copy when the checkpoint has one, unless told otherwise. */
    public static void loadGenerator(Path dir, GanNet generator, boolean preferEma) throws IOException {
        Path ema = dir.resolve(EMA_FILE);
        loadModule(generator, preferEma && Files.exists(ema) ? ema : dir.resolve(Players.G + ".pt"));
    }
}
