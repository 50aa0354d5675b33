package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.Samples;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.DataShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jgan sample}: loads a run's generator and writes images. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate images, table rows, series windows or clips from a trained run (EMA weights when the "
                + "run has them).")
public final class SampleCommand implements Callable<Integer> {
    enum Format {
        png, grid, idx, csv, jsonl, gif;

        /** Refuses an --out that cannot take this format: a folder for png and gif, a file otherwise. */
        void checkOut(Path out) {
            if (this == png || this == gif) {
                Outputs.folder(out, "--out");
            } else {
                Outputs.file(out, "--out");
            }
        }

        /** Writes {@code samples} to {@code out} in this format. */
        void write(Samples samples, Path out) throws java.io.IOException {
            switch (this) {
                case grid -> samples.writeGrid(out);
                case idx -> samples.writeIdx(out);
                case png -> samples.writePngs(out);
                default -> throw new IllegalStateException();
            }
        }
    }

    @Mixin
    RunOptions run = new RunOptions();

    // long, so that a count beyond int gets the range below rather than picocli's "is not an int"
    @Option(names = "--count", defaultValue = "64", description = "Number of images, 1..1000000 (default: "
            + "${DEFAULT-VALUE}).")
    long countArg;

    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", description = "png (one file per image in --out DIR), grid (one PNG, the default "
            + "for images), idx (IDX3 uint8 file, as MNIST), csv (table rows, the default for table runs; series "
            + "windows), jsonl (table rows as JSON lines); for clips gif (a GIF and a strip PNG per clip in --out DIR, "
            + "the default) or grid (one GIF of all clips).")
    Format format;

    @Option(names = "--out", required = true, description = "Output file (grid, idx, csv, jsonl) or folder (png, "
            + "gif).")
    Path out;

    @Option(names = "--where", description = "Table runs: only rows with this value in a categorical or boolean "
            + "column, COLUMN=VALUE; repeat for more columns. Exactly --count rows come back.")
    java.util.List<String> where = new java.util.ArrayList<>();

    @Option(names = "--uncalibrated", description = "Table runs: rows as the generator writes them (by default each "
            + "numeric column is calibrated to the training rows' distribution, keeping the rows' order within it, "
            + "and rows keep the orderings between columns that every training row keeps, or that the schema "
            + "declares).")
    boolean uncalibrated;

    @Option(names = "--class", description = "Conditional runs: a class index or name, or 'all' for a grid with one "
            + "row per class (--count images per row, default 10).")
    String classOpt;

    @Option(names = "--truncation", defaultValue = "1", description = "Truncation trick for style-based models "
            + "(stylegan2): pull each w towards the mean w by psi; 1 (default) is none, 0 gives the mean image.")
    double psi = 1.0;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (countArg < 1 || countArg > 1_000_000) {
            throw new ConfigException("--count must be in 1..1000000, got " + countArg);
        }
        count = (int) countArg;
        ConfigException.check(Double.isFinite(psi), "--truncation must be a finite number, got " + psi);
        try (GanModel model = run.model()) {
            ConfigException.check(psi == 1.0 || model.makes().equals(GanModel.IMAGES), "--truncation pulls a "
                    + "style-based generator's w towards its mean; this run makes " + model.makes());
            if (model.tabular()) {
                return sampleRows(model);
            }
            if (model.series()) {
                ConfigException.check((format == null || format == Format.csv) && where.isEmpty() && classOpt == null
                        && !uncalibrated, "this run makes series windows: --format csv only, without --where, "
                        + "--uncalibrated or --class");
                Outputs.file(out, "--out");
                org.jgan.models.timegan.SeriesData.writeCsv(model.sampleSeries(count, seed), out);
                System.out.printf("csv: %d windows from %s -> %s%n", count, model.checkpoint(), out);
                return 0;
            }
            if (model.video()) {
                return sampleClips(model);
            }
            ConfigException.check(format != Format.gif, "--format gif writes clips; this run makes images (grid or "
                    + "png)");
            format = format == null ? Format.grid : format;
            ConfigException.check(where.isEmpty(), "--where picks table rows; this run makes images (use --class)");
            ConfigException.check(!uncalibrated, "--uncalibrated is for table rows; this run makes images");
            ConfigException.check(format != Format.csv && format != Format.jsonl, "--format " + format + " writes "
                    + "table rows; this run makes images");
            format.checkOut(out);
            if (model.textConditioned()) {
                throw new ConfigException("this run (" + model.config().model().name() + ") draws images from "
                        + "sentences; use jgan generate --run RUN --prompt \"a light ankle boot\"");
            }
            DataShape s = model.shape();
            if (format == Format.idx && s.channels() != 1) {
                throw new ConfigException("--format idx holds grayscale images; this run makes " + s.channels()
                        + "-channel images, use --format png");
            }
            Samples samples;
            boolean all = classOpt != null && classOpt.equalsIgnoreCase("all");
            // a class grid shows 10 per class unless --count says otherwise
            int perClass = spec.commandLine().getParseResult().hasMatchedOption("--count") ? count : 10;
            if (format == Format.grid) {  // before generating: a million images took minutes, then a 549 MB PNG
                Samples.checkGrid(all ? (long) perClass * Math.max(1, s.numClasses()) : count);
            }
            if (all) {
                samples = Flags.named("--class", () -> model.classGrid(perClass, seed, psi));
            } else if (classOpt != null) {
                samples = Flags.named("--class", () -> model.sampleClass(classOpt, count, seed, psi));
            } else {
                samples = Flags.named("--truncation", () -> model.sample(count, seed, psi));
            }
            format.write(samples, out);
            System.out.printf("%s: %d images from %s (%s weights) -> %s%n", format, samples.count(),
                    model.checkpoint(), model.ema() ? "EMA" : "raw", out);
        }
        return 0;
    }

    private int sampleClips(GanModel model) throws java.io.IOException {
        format = format == null ? Format.gif : format;
        ConfigException.check(format == Format.gif || format == Format.grid, "--format " + format + " does not "
                + "hold clips; this run makes clips (--format gif or grid)");
        ConfigException.check(where.isEmpty(), "--where picks table rows; this run makes clips (use --class)");
        ConfigException.check(!uncalibrated, "--uncalibrated is for table rows; this run makes clips");
        ConfigException.check(count <= 100_000, "--count must be in 1..100000 for clips, got " + count);
        format.checkOut(out);
        // A grid of clips is an animated GIF: bytes of one format under another's name would mislead every viewer.
        ConfigException.check(format != Format.grid || out.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".gif"),
                "--out " + out + ": a grid of clips is an animated GIF; give a file name ending in .gif");
        org.jgan.core.data.clips.Clips clips = classOpt == null ? model.sampleClips(count, seed)
                : Flags.named("--class", () -> model.sampleClips(classOpt, count, seed));
        if (format == Format.grid) {
            org.jgan.core.image.ClipImages.writeGridGif(clips, 0, out);
        } else {
            org.jgan.core.image.ClipImages.writeFolder(clips, out);
        }
        System.out.printf("%s: %d clips of %d frames from %s (%s weights) -> %s%n", format, clips.size(),
                clips.frames(), model.checkpoint(), model.ema() ? "EMA" : "raw", out);
        return 0;
    }

    private int sampleRows(GanModel model) throws java.io.IOException {
        ConfigException.check(format == null || format == Format.csv || format == Format.jsonl, "--format " + format
                + " writes images; this run makes table rows (--format csv or jsonl)");
        ConfigException.check(classOpt == null, "--class picks images of a class; for table rows use --where "
                + "COLUMN=VALUE");
        Outputs.file(out, "--out");
        java.util.Map<String, String> conditions = new java.util.LinkedHashMap<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            ConfigException.check(eq > 0, "--where " + w + ": give COLUMN=VALUE, e.g. --where weather=snow");
            ConfigException.check(conditions.put(w.substring(0, eq), w.substring(eq + 1)) == null,
                    "--where names column " + w.substring(0, eq) + " twice");
        }
        org.jgan.core.data.table.Table rows = model.sampleRows(count, seed, conditions, !uncalibrated);
        if (format == Format.jsonl) {
            rows.writeJsonLines(out);
        } else {
            rows.writeCsv(out);
        }
        System.out.printf((format == Format.jsonl ? "jsonl" : "csv") + ": %d rows from %s (%s weights)%s -> %s%n", rows.rows(), model.checkpoint(),
                model.ema() ? "EMA" : "raw", conditions.isEmpty() ? "" : " where " + conditions, out);
        System.out.println(uncalibrated ? "numbers as the generator writes them (--uncalibrated)" : model.rowsNote());
        return 0;
    }
}
