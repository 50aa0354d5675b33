package org.jgan.cli;

import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jgan.cli.report.TableHtml;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSources;
import org.jgan.core.train.AtomicFiles;
import org.jgan.metrics.table.SyntheticTables;
import org.jgan.metrics.table.TableReport;
import org.jgan.metrics.table.TableScores;
import org.jgan.metrics.table.UtilityScore;
import org.jgan.models.ctgan.TableRunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgan table-report}: fidelity, privacy and utility of a synthetic table against the real one, beside the
 * independent-marginals baseline ({@link TableReport}), as an HTML page and optionally JSON. Tensors are never loaded.
 */
@Command(name = "table-report", mixinStandardHelpOptions = true,
        description = {"Score a synthetic table against the real one: column shapes and pair trends (quality), "
                + "distance to closest record (privacy), train-synthetic-test-real (utility), each also for a "
                + "baseline that draws every column on its own.",
                "--run RUN reads RUN/table/train.csv and RUN/table/holdout.csv (written by ctgan training) in "
                        + "place of --real and --holdout."})
public final class TableReportCommand implements Callable<Integer> {
    @Option(names = "--real", paramLabel = "FILE", description = "The real (training) table: .csv, .jsonl, .json "
            + "or a named table.")
    String real;

    @Option(names = "--holdout", paramLabel = "FILE", description = "Real rows the generator never saw (enables the "
            + "memorisation check; utility is tested on them).")
    String holdout;

    @Option(names = "--run", paramLabel = "RUN", description = "A run folder: its table/train.csv and "
            + "table/holdout.csv stand for --real and --holdout.")
    Path run;

    @Option(names = "--synthetic", required = true, paramLabel = "FILE", description = "The synthetic table, with "
            + "the real table's columns; read with the real table's column types.")
    String synthetic;

    @Option(names = "--schema", paramLabel = "FILE.json", description = "Column types for the real table (see "
            + "docs/cli.md); the other tables follow the real one.")
    Path schema;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Column to predict for utility (categorical: "
            + "accuracy, macro-F1; numeric: MAE, R^2). Without it utility is skipped.")
    String target;

    @Option(names = "--seed", description = "Seed of the baseline, subsamples, split and forests (default 0).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML report to write.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the scores as JSON.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (run != null && (real != null || holdout != null)) {
            throw new ConfigException("--run reads the run's training and held-out tables; give it without --real "
                    + "and --holdout");
        }
        if (run == null && real == null) {
            throw new ConfigException("give --real FILE (the training table) or --run RUN");
        }
        Outputs.file(out, "--out");
        if (json != null) {
            Outputs.file(json, "--json");
        }
        SchemaOverrides declared = schema == null ? null : SchemaOverrides.load(schema);
        String holdoutSource = holdout;
        Table realTable;
        if (run != null) {
            realTable = TableRunFiles.training(run, declared);
            Path ho = TableRunFiles.holdout(run);
            holdoutSource = ho == null ? null : ho.toString();
        } else {
            realTable = TableSources.open(real, declared == null ? SchemaOverrides.none() : declared);
        }
        Table holdoutTable = holdoutSource == null ? null
                : SyntheticTables.readLike(holdoutSource, realTable.schema(), "held-out");
        Table synTable = SyntheticTables.readLike(synthetic, realTable.schema(), "synthetic");
        TableReport r = TableReport.compute(realTable, holdoutTable, synTable, target, seed,
                StageLog.to(spec.commandLine().getErr(), "table-report"));
        AtomicFiles.writeString(out, TableHtml.render(r, realTable, synTable));
        if (json != null) {
            r.writeJson(json);
        }
        summary(spec.commandLine().getOut(), r);
        return 0;
    }

    private void summary(PrintWriter o, TableReport r) {
        o.printf("table-report: %d synthetic rows against %d training rows%s%n", r.syntheticRows(), r.trainRows(),
                r.holdoutRows() > 0 ? " and " + r.holdoutRows() + " held-out rows" : " (no held-out rows)");
        o.printf("  %-34s %9s %9s%n", "", "synthetic", "baseline");
        line(o, "quality (overall)", r.synthetic().fidelity().overall(), r.baseline().fidelity().overall());
        line(o, "column shapes", r.synthetic().fidelity().columnShape(), r.baseline().fidelity().columnShape());
        line(o, "pair trends", r.synthetic().fidelity().pairTrend(), r.baseline().fidelity().pairTrend());
        line(o, "median DCR to training", r.synthetic().privacy().dcrTrainMedian(),
                r.baseline().privacy().dcrTrainMedian());
        line(o, "exact copies of training rows", r.synthetic().privacy().exactCopies(),
                r.baseline().privacy().exactCopies());
        TableScores s = r.synthetic();
        if (s.utility() != null) {
            for (int i = 0; i < s.utility().scores().size(); i++) {
                UtilityScore u = s.utility().scores().get(i);
                line(o, u.metric() + " TSTR/TRTR (" + r.target() + ")", u.ratio(),
                        r.baseline().utility().scores().get(i).ratio());
            }
        }
        for (int i = 0; i < s.orderings().size(); i++) {
            line(o, "breaks " + s.orderings().get(i).rule(), s.orderings().get(i).broken(),
                    r.baseline().orderings().get(i).broken());
        }
        o.println("privacy: " + s.privacy().message());
        r.notes().forEach(n -> o.println("note: " + n));
        o.println("report: " + out + (json != null ? ", " + json : ""));
        o.flush();
    }

    private static void line(PrintWriter o, String label, double syn, double base) {
        o.printf(Locale.ROOT, "  %-34s %9.3f %9.3f%n", label, syn, base);
    }
}
