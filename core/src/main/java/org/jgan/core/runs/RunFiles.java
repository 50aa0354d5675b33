package org.jgan.core.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a run folder that {@link RunFolder} lists rather than parses: the sample grids (and a video run's
 * animations beside them), the checkpoints, and the newest change among what a watcher shows. Every path is checked
 * against the folder's bound ({@link Confined}), and a listing that fails midway keeps what it had listed.
 */
final class RunFiles {
    private static final Pattern SAMPLE = Pattern.compile("step-(\\d{1,12})\\.png");
    private static final Pattern CHECKPOINT = Pattern.compile("step-\\d{1,12}|best|[A-Za-z0-9_-]{1,64}");

    private final Path dir;
    private final Confined bound;

    RunFiles(Path dir, Confined bound) {
        this.dir = dir;
        this.bound = bound;
    }

    List<Long> sampleSteps() {
        List<Long> steps = new ArrayList<>();
        Optional<Path> samples = bound.real(dir.resolve("samples"));
        if (samples.isEmpty()) {
            return steps;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples.get(), "step-*.png")) {
            for (Path p : ds) {
                Matcher m = SAMPLE.matcher(p.getFileName().toString());
                if (m.matches() && bound.entryInside(p)) {
                    steps.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No samples yet, or the folder vanished mid-listing: whatever was listed is still true.
        }
        steps.sort(null);
        return steps;
    }

    /** The real path of {@code fileName} in samples/, or of the file with its ".png" swapped for {@code suffix}. */
    Optional<Path> sample(String fileName, String suffix) {
        if (!SAMPLE.matcher(fileName).matches()) {
            return Optional.empty();
        }
        String name = fileName.substring(0, fileName.length() - ".png".length()) + suffix;
        return bound.real(dir.resolve("samples").resolve(name))
                .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }

    List<String> checkpoints() {
        List<String> names = new ArrayList<>();
        Optional<Path> checkpoints = bound.real(dir.resolve("checkpoints"));
        if (checkpoints.isEmpty()) {
            return names;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(checkpoints.get())) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (CHECKPOINT.matcher(n).matches() && bound.inside(p.resolve("state.json"))) {
                    names.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            // as for samples
        }
        names.sort(null);
        return names;
    }

    /** Seconds since the epoch when any file a watcher shows last changed (0 when none exists). */
    double lastChange() {
        long newest = 0;
        for (String f : new String[] {"stats.jsonl", "metrics.jsonl", "config.json", "samples"}) {
            Optional<Path> real = bound.real(dir.resolve(f));
            try {
                newest = real.isEmpty() ? newest : Math.max(newest, Files.getLastModifiedTime(real.get()).toMillis());
            } catch (IOException e) {
                // deleted since
            }
        }
        return newest / 1000.0;
    }
}
