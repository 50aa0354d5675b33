package org.jgan.core.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a run stands, read from its folder at one moment ({@link RunFolder#summary}): what it trains, how far it got,
 * its best evaluation and whether it is still going.
 *
 * @param name                the run's name (its folder's, unless given otherwise)
 * @param model               config.json's model.name, or null when the config cannot be read
 * @param data                the data set's name from the provenance, else config.json's data.source, or null
 * @param lastStep            the last logged step, or -1 before the first stats line
 * @param plannedSteps        the step training stops at (schedule.steps, or epochs times full batches per epoch),
 *                            or -1 when unknown
 * @param epoch               the epoch of the last stats line, or NaN
 * @param bestFid             the lowest FID in metrics.jsonl, or NaN when no evaluation recorded one
 * @param bestFidStep         the step of {@code bestFid}, or -1
 * @param status              starting, running, finished or stopped, judged from the files alone
 * @param updated             seconds since the epoch when stats, metrics, config or samples last changed (0: never)
 * @param alarms              how many events (alarms, rollbacks, ...) stats.jsonl holds
 * @param latest              the last stats line, numbers only (a non-finite one as null); empty before the first
 * @param skippedStatsLines   stats.jsonl lines that were not JSON objects and were skipped
 * @param skippedMetricsLines metrics.jsonl lines that were not JSON objects and were skipped
 * @param configError         why config.json could not be read ("no config.json", ...), or null when it was
 */
public record RunSummary(String name, String model, String data, long lastStep, long plannedSteps, double epoch,
        double bestFid, long bestFidStep, RunStatus status, double updated, int alarms, ObjectNode latest,
        int skippedStatsLines, int skippedMetricsLines, String configError) {
}
