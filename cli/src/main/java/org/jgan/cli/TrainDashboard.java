package org.jgan.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.cli.dashboard.DashboardServer;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;

/**
 * {@code jgan train --dashboard}: starts the dashboard in this JVM once training has written config.json (so the run
 * page exists when its URL is printed), over the folder that holds the run, and passes every event on to the
 * progress display. The server's threads are daemons: the dashboard ends with the training.
 */
final class TrainDashboard implements TrainListener, AutoCloseable {
    private final TrainListener next;
    private final Path runDir;
    private final int port;
    private DashboardServer server;

    TrainDashboard(TrainListener next, Path runDir, int port) {
        this.next = next;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.port = port;
    }

    @Override
    public void attached(Trainer trainer) {
        next.attached(trainer);
    }

    @Override
    public void started(TrainState state, long totalSteps) {
        Path runs = runDir.getParent();
        try {
            try {
                server = DashboardServer.start(runs, "127.0.0.1", port);
            } catch (BindException e) {
                // Training matters more than the port number: take any free one and say which.
                server = DashboardServer.start(runs, "127.0.0.1", 0);
                System.err.println("dashboard: port " + port + " is taken, using " + server.port());
            }
            System.err.println("dashboard: " + server.runUrl(runDir.getFileName().toString())
                    + "  (stops when training ends; afterwards: ./jgan dashboard --runs " + runs + ")");
        } catch (IOException e) {
            System.err.println("dashboard: not started (" + e.getMessage() + "); training goes on");
        }
        next.started(state, totalSteps);
    }

    @Override
    public void stepDone(TrainState state, Map<String, Double> stats) {
        next.stepDone(state, stats);
    }

    @Override
    public void logged(Map<String, Object> record) {
        next.logged(record);
    }

    @Override
    public void event(Map<String, Object> event) {
        next.event(event);
    }

    @Override
    public void sampleWritten(Path png) {
        next.sampleWritten(png);
    }

    @Override
    public void checkpointWritten(Path dir) {
        next.checkpointWritten(dir);
    }

    @Override
    public void finished(TrainState state) {
        next.finished(state);
    }

    /** The running server, or null before training started or when it could not start. */
    DashboardServer server() {
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
