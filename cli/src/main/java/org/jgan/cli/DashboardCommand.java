package org.jgan.cli;

import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jgan.cli.dashboard.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan dashboard}: serves the live web dashboard over a runs folder until interrupted. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live web dashboard of the runs in a folder (read-only; runs until Ctrl-C).",
                "Pages: the runs list, one run (curves, sample grids, metrics, alarms, config), runs compared."})
public final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "runs", description = "Folder of run folders (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = everyone).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(runs)) {
            throw new IllegalArgumentException(runs + ": no such folder (train a run first, or pass --runs DIR)");
        }
        DashboardServer server = start(runs, host, port);
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            System.err.println("warning: listening on " + host + ": anyone who can reach this machine can read "
                    + "these runs (configs, curves and samples)");
        }
        System.out.println("dashboard: " + server.url() + "  (runs in " + runs.toAbsolutePath().normalize()
                + "; Ctrl-C to stop)");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    /** Starts a server, turning a taken port into a message a user can act on. */
    static DashboardServer start(Path runs, String host, int port) throws java.io.IOException {
        try {
            return DashboardServer.start(runs, host, port);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another with --port, or --port 0 for any free one");
        }
    }
}
