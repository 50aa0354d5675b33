package org.jgan.api;

import java.nio.file.Path;
import org.jgan.models.RunGenerator;
import org.jgan.models.ctgan.TableSampler;
import org.jgan.models.timegan.SeriesSampler;

/**
 * The row and window samplers of one loaded run, made on first use and then kept: a table sampler reads the run's
 * transformer and counts and fits its calibration once, a series sampler reads the scaling and sets the point
 * masses' bands once, not per call of {@link GanModel#sampleRows} or {@link GanModel#sampleSeries}.
 */
final class RunSamplers {
    private final RunGenerator generator;
    private final Path runDir;
    private TableSampler table;
    private SeriesSampler series;

    RunSamplers(RunGenerator generator, Path runDir) {
        this.generator = generator;
        this.runDir = runDir;
    }

    synchronized TableSampler table() {
        if (table == null) {
            table = new TableSampler(generator, runDir);
        }
        return table;
    }

    synchronized SeriesSampler series() {
        if (series == null) {
            series = new SeriesSampler(generator, runDir);
        }
        return series;
    }
}
