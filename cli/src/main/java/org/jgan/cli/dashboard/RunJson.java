package org.jgan.cli.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jgan.core.runs.RunFolder;
import org.jgan.core.runs.RunSummary;

/**
 * The JSON the dashboard's API serves about a run (and reports print): a run's {@link RunSummary} for the runs list,
 * and with it config, provenance, samples, checkpoints and alarms for the run page. The pages' scripts read these
 * names, so they change only together.
 */
public final class RunJson {
    private RunJson() {
    }

    /** The runs list's line: name, model, data, step, planned steps, epoch, best FID, status, latest numbers. */
    public static ObjectNode summary(RunFolder run) {
        RunSummary s = run.summary();
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("name", s.name());
        out.put("model", s.model());
        out.put("data", s.data());
        out.put("step", s.lastStep());
        out.put("plannedSteps", s.plannedSteps());
        out.put("epoch", Double.isFinite(s.epoch()) ? s.epoch() : null);
        out.put("bestFid", Double.isFinite(s.bestFid()) ? s.bestFid() : null);
        out.put("bestFidStep", s.bestFidStep());
        out.put("status", s.status().label());
        out.put("updated", s.updated());
        out.put("alarms", s.alarms());
        out.set("latest", s.latest());
        ObjectNode skipped = out.putObject("skippedLines");
        skipped.put("stats.jsonl", s.skippedStatsLines());
        skipped.put("metrics.jsonl", s.skippedMetricsLines());
        out.put("configError", s.configError());
        return out;
    }

    /** Everything the run page shows besides the curves: summary, config, provenance, samples, alarms. */
    public static ObjectNode details(RunFolder run) {
        ObjectNode out = summary(run);
        out.set("config", run.config());
        out.set("provenance", run.provenance());
        ArrayNode samples = out.putArray("samples");
        run.sampleSteps().forEach(samples::add);
        ArrayNode ckpts = out.putArray("checkpoints");
        run.checkpoints().forEach(ckpts::add);
        out.putArray("events").addAll(run.events());
        out.put("hasMetrics", run.hasMetrics());
        return out;
    }
}
