package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.SeriesReports;
import org.jgan.cli.report.SeriesHtml;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.AtomicFiles;
import org.jgan.metrics.series.FeaturePair;
import org.jgan.metrics.series.SeriesReport;
import org.jgan.metrics.series.StaticScore;
import org.jgan.metrics.series.StepChange;
import org.jgan.models.timegan.SeriesWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jgan series-report}: TimeGAN's scores of a timegan run's windows ({@link SeriesReports}) as HTML and JSON. */
@Command(name = "series-report", mixinStandardHelpOptions = true,
        description = "Score a timegan run's windows against its training windows: discriminative and predictive "
                + "scores (TimeGAN's), beside real windows shuffled in time; an HTML page with plots, optionally JSON.")
public final class SeriesReportCommand implements Callable<Integer> {
    /** Pairs of features printed (the report and the JSON hold them all). */
    private static final int PAIRS_SHOWN = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--count", description = "Synthetic windows to score (default: as many as the real ones).")
    Integer count;

    @Option(names = "--seed", description = "Seed of the windows, splits and scoring networks (default 0).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML report to write.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the scores as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Outputs.file(out, "--out");
        if (json != null) {
            Outputs.file(json, "--json");
        }
        try (GanModel model = run.model()) {
            ConfigException.check(model.series(), "series-report scores timegan runs; " + model.config().model()
                    .name() + " does not make series (tables: table-report)");
            SeriesWindows real = SeriesReports.trainingWindows(model);
            int n = count != null ? count : real.count();
            ConfigException.check(n >= 2 && n <= 1_000_000, "--count must be in 2..1000000, got " + n);
            SeriesWindows fake = model.sampleSeries(n, seed);
            SeriesReport r = SeriesReports.score(real, fake, seed,
                    StageLog.to(spec.commandLine().getErr(), "series-report"));
            AtomicFiles.writeString(out, SeriesHtml.render(r, real, fake));
            if (json != null) {
                SeriesReports.writeJson(r, model, json);
            }
            System.out.printf("series-report: %d synthetic windows (%s, %s weights) against %d real%n", n,
                    model.checkpoint().getFileName(), model.ema() ? "EMA" : "raw", real.count());
            System.out.printf("  discriminative score  %.3f (shuffled in time %.3f; 0 is best)%n", r.discriminative(),
                    r.discriminativeShuffled());
            System.out.printf("  predictive score      %.4f (real %.4f, shuffled in time %.4f)%n", r.predictive(),
                    r.predictiveReal(), r.predictiveShuffled());
            for (StepChange c : r.stepChanges()) {
                System.out.printf("  step change %-10s %.4f against real %.4f (x%.2f; KS %.3f; shuffled in time "
                        + "%.4f); bend %.4f against real %.4f (x%.2f)%n", c.name(), c.synthetic(), c.real(),
                        c.ratio(), c.ks(), c.shuffled(), c.syntheticBend(), c.realBend(), c.bendRatio());
            }
            // the pairs furthest from real: with many features the table would bury them
            for (FeaturePair p : r.pairs().subList(0, Math.min(PAIRS_SHOWN, r.pairs().size()))) {
                System.out.printf("  pair %s ~ %s: r of values %.2f against real %.2f, r of changes %.2f against "
                        + "real %.2f%n", p.first(), p.second(), p.syntheticValues(), p.realValues(),
                        p.syntheticChanges(), p.realChanges());
            }
            for (StaticScore st : r.statics()) {
                System.out.printf("  static %-13s shape %.3f, link with the series %.3f (statics shuffled %.3f)%n",
                        st.name(), st.shape(), st.link(), st.linkShuffled());
            }
            System.out.println("report: " + out + (json != null ? ", " + json : ""));
        }
        return 0;
    }
}
