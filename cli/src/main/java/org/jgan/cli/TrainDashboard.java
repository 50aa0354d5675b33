package org.jgan.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import org.jgan.cli.dashboard.DashboardServer;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;

/**
 * {@code jgan train --dashboard}: starts the dashboard in this JVM once training has written config.json (so the run
 * page exists when its URL is printed), over the folder that holds the run; composed with the progress display
 * through {@link org.jgan.core.train.TrainListeners}. The server's threads are daemons: the dashboard ends with the
 * training.
 */
final class TrainDashboard implements TrainListener, AutoCloseable {
    private final Path runDir;
    private final int port;
    private DashboardServer server;

    TrainDashboard(Path runDir, int port) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.port = port;
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
