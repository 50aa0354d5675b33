package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.VideoReports;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.AtomicFiles;
import org.jgan.metrics.video.ClipFeatures;
import org.jgan.metrics.video.VideoGoal;
import org.jgan.metrics.video.VideoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jgan video-report}: content, motion and Fréchet figures of a mocogan run's clips ({@link VideoReports}). */
@Command(name = "video-report", mixinStandardHelpOptions = true,
        description = "Score a mocogan run's clips against real clips of its data: content consistency, motion "
                + "(speeds, turns, static clips) and a Fréchet video distance beside held-out real clips, the clips "
                + "shuffled in time and their first frame repeated; goals with pass/fail; an HTML page, optionally "
                + "JSON.")
public final class VideoReportCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--count", defaultValue = "1024",
            description = "Clips to generate, and real clips of each set to compare with (default: ${DEFAULT-VALUE}; "
                    + "above the features' dimension, 18 for the built-in network).")
    int count;

    @Option(names = "--seed", description = "Seed of the clips and of the shuffled baseline (default 0).")
    long seed;

    @Option(names = "--features", paramLabel = "FILE.pt", description = "Video feature network: a file of jgan's "
            + "own network, or a TorchScript module taking N x C x T x H x W clips in [-1, 1] and returning N x D "
            + "features (default: the built-in network, trained on moving Fashion-MNIST).")
    Path features;

    @Option(names = "--real-only", description = "Score the held-out real clips instead of generated ones: the "
            + "figures a model should reach (moving Fashion-MNIST runs).")
    boolean realOnly;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML report to write.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Outputs.file(out, "--out");
        if (json != null) {
            Outputs.file(json, "--json");
        }
        try (GanModel model = run.model();
             ClipFeatures fx = features != null ? ClipFeatures.load(features) : ClipFeatures.builtin()) {
            ConfigException.check(model.video(), "video-report scores mocogan runs; " + model.config().model()
                    .name() + " does not make clips (images: eval, tables: table-report, series: series-report)");
            VideoReport r = realOnly ? VideoReports.real(model, count, seed, fx)
                    : VideoReports.evaluate(model, count, seed, fx);
            AtomicFiles.writeString(out, VideoHtml.render(r));
            if (json != null) {
                r.writeJson(json);
            }
            print(r);
            System.out.println("report: " + out + (json != null ? ", " + json : ""));
            return 0;
        }
    }

    private static void print(VideoReport r) {
        System.out.printf("video-report: %d clips of %s against %s%s, features %s%n", r.clips(), r.generated(),
                r.reference(), r.heldOut() != null ? " (held out: " + r.heldOut() + ")" : "", r.features());
        System.out.printf("  content consistency  %.1f%% of clips, frame agreement %.1f%% (real %.1f%%, %.1f%%)%n",
                100 * r.contentConsistency(), 100 * r.frameAgreement(), 100 * r.realContentConsistency(),
                100 * r.realFrameAgreement());
        if (!Double.isNaN(r.classMatch())) {
            System.out.printf("  asked class          %.1f%% of frames (real frames: their class %.1f%%)%n",
                    100 * r.classMatch(), 100 * r.realClassMatch());
        }
        System.out.printf("  speed                mean %.2f px/frame (real %.2f), KS %.3f (real %.3f)%n", r.meanSpeed(),
                r.realMeanSpeed(), r.speedKs(), r.realSpeedKs());
        System.out.printf("  direction change     KS %.3f (real %.3f)%n", r.directionKs(), r.realDirectionKs());
        System.out.printf("  static clips         %.1f%% (real %.1f%%)%n", 100 * r.staticShare(),
                100 * r.realStaticShare());
        System.out.printf("  Fréchet distance     held-out real %.3f, %s %.3f, shuffled in time %.3f, first frame "
                + "repeated %.3f%n", r.fdHeldOut(), r.realOnly() ? "scored (= held-out)" : "model", r.fd(),
                r.fdShuffled(), r.fdRepeated());
        for (VideoGoal g : r.goals()) {
            System.out.printf("  %-4s %s: %s (goal %s)%n", g.passed() ? "PASS" : "FAIL", g.name(), g.measured(),
                    g.target());
        }
    }
}
