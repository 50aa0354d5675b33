package org.jgan.cli;

import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;

/**
 * Shows training progress: a progress bar (step, epoch, losses, img/s, ETA) on a terminal, and one plain line per
 * stats record otherwise, so logs of CI and nohup runs stay readable.
 */
final class Progress implements TrainListener, AutoCloseable {
    private final boolean bar;
    private ProgressBar pb;

    Progress(boolean bar) {
        this.bar = bar;
    }

    @Override
    public void started(TrainState state, long totalSteps) {
        if (bar) {
            pb = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                    .startsFrom(state.step(), java.time.Duration.ZERO).build();
        }
    }

    @Override
    public void stepDone(TrainState state, Map<String, Double> stats) {
        if (pb != null) {
            pb.stepTo(state.step());
        }
    }

    @Override
    public void logged(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder(String.format("step %d  epoch %.2f", ((Number) r.get("step")).longValue(),
                num(r, "epoch")));
        // the usual four first, then any other loss the variant reports (TimeGAN's stages have their own); a key
        // this step did not log is left out rather than printed as NaN
        String[][] first = {{"Loss/D", "Loss/D", "%.3f"}, {"Loss/G", "Loss/G", "%.3f"},
                {"D/real_score", "D(x)", "%.2f"}, {"D/fake_score", "D(G(z))", "%.2f"}};
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (String[] k : first) {
            if (r.get(k[0]) instanceof Number) {
                sb.append("  ").append(k[1]).append(' ').append(String.format(k[2], num(r, k[0])));
                shown.add(k[0]);
            }
        }
        for (var e : r.entrySet()) {
            if (e.getKey().startsWith("Loss/") && !shown.contains(e.getKey()) && e.getValue() instanceof Number) {
                sb.append("  ").append(e.getKey()).append(' ').append(String.format("%.3f", num(r, e.getKey())));
            }
        }
        String line = sb.append(String.format("  %.0f img/s", num(r, "img/s"))).toString();
        if (pb != null) {
            pb.setExtraMessage(String.format("D %.3f G %.3f %.0f img/s", num(r, "Loss/D"), num(r, "Loss/G"),
                    num(r, "img/s")));
        } else {
            System.err.println(line);
        }
    }

    @Override
    public void event(Map<String, Object> e) {
        if ("resume_settings".equals(e.get("event"))) {
            return;  // the training log has said it already, in words (Training's log)
        }
        String msg = e.containsKey("rollback")
                ? String.format("ROLLBACK %s at step %s: %s; back to step %s with learning rates x%s", e.get("rollback"),
                        e.get("from_step"), e.get("reason"), e.get("step"), e.get("lr_scale"))
                : e.containsKey("alarm") ? String.format("ALARM (%s) at step %s: %s [%s]", e.get("alarm"),
                        e.get("step"), e.get("message"), e.get("action"))
                : "recovery".equals(e.get("event")) ? "note: " + e.get("message") : e.toString();
        if (pb != null) {
            pb.pause();
            System.err.println(msg);
            pb.resume();
        } else {
            System.err.println(msg);
        }
    }

    private static double num(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public void close() {
        if (pb != null) {
            pb.close();
        }
    }
}
