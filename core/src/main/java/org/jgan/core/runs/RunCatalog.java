package org.jgan.core.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A folder of runs: each direct sub-folder holding a config.json or stats.jsonl is a run (the folder itself, when it
 * is one run). It is also the only gate to the file system for code that takes run names from outside (the
 * dashboard's URLs): a name becomes a path only when it names a run listed here, and a file only when its real path,
 * symlinks resolved, lies inside the runs folder, so crafted names ({@code ..}, encoded slashes, symlinks out) find
 * nothing. The runs it hands out keep to the same bound for every file they read (stats, metrics, config, samples,
 * checkpoints).
 */
public final class RunCatalog {
    /** Names a URL may carry: no separators, no leading dot (so never "." or ".."), no control characters. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+=@,-]{0,199}");

    private final Path root;
    private final Confined bound;
    private final Map<String, RunFolder> cache = new ConcurrentHashMap<>();

    /** The runs in {@code root}. */
    public RunCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.bound = new Confined(this.root);
    }

    /** The runs folder. */
    public Path root() {
        return root;
    }

    /** The runs, by name; re-lists the folder each time so new and deleted runs show up. */
    public List<RunFolder> list() {
        List<RunFolder> runs = new ArrayList<>();
        if (isRun(root)) {
            runs.add(folder(root.getFileName().toString(), root));
            return runs;
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (SAFE_NAME.matcher(n).matches() && isRun(p) && inside(p)) {
                    names.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The runs folder is gone or unreadable: no runs.
        }
        names.sort(null);
        cache.keySet().retainAll(names);
        for (String n : names) {
            runs.add(folder(n, root.resolve(n)));
        }
        return runs;
    }

    /** The run with this name, if it is one of {@link #list()}'s. */
    public Optional<RunFolder> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (isRun(root)) {
            return name.equals(root.getFileName().toString()) ? Optional.of(folder(name, root)) : Optional.empty();
        }
        Path p = root.resolve(name);
        if (!p.getParent().equals(root) || !isRun(p) || !inside(p)) {
            return Optional.empty();
        }
        return Optional.of(folder(name, p));
    }

    private RunFolder folder(String name, Path dir) {
        return cache.computeIfAbsent(name, n -> new RunFolder(n, dir, bound));
    }

    /** A folder holding a config.json or a stats.jsonl that may be read: links out of the runs folder do not count. */
    private boolean isRun(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && (bound.inside(dir.resolve("config.json")) || bound.inside(dir.resolve("stats.jsonl")));
    }

    /** Whether {@code p}, with every symlink resolved, is the runs folder or lies below it. */
    boolean inside(Path p) {
        return bound.inside(p);
    }
}
