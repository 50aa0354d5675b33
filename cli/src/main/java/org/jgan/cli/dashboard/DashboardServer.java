package org.jgan.cli.dashboard;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jgan.core.runs.RunCatalog;

/**
 * The live training dashboard: a small read-only web server over a runs folder (embedded Jetty). It reads run
 * folders only, never tensors, so it can watch a run training in another process or beside it in the same JVM
 * ({@code jgan train --dashboard}); its threads are daemons and never keep a JVM alive.
 *
 * <p>Safe by default: it binds to 127.0.0.1 unless given another address, answers GET and HEAD only, rejects
 * requests whose Host header is not a loopback name while bound to loopback (DNS rebinding), and reads files only
 * through {@link RunCatalog}, which refuses anything whose real path leaves the runs folder.
 *
 * <p>Bounded under load (docs/cli.md, "Dashboard reliability"): requests are read without holding a thread, so
 * clients that never finish a request cost a connection, not a thread, and are dropped after {@link #IDLE_MILLIS};
 * at most {@link #MAX_THREADS} threads serve requests from a bounded queue, at most {@link #MAX_CONNECTIONS}
 * connections are open, and live streams ({@link LiveFeed}) share one thread whatever their number.
 */
public final class DashboardServer implements AutoCloseable {
    /** How often a live stream looks for new lines: the floor of the latency from disk to page. */
    static final long TICK_MILLIS = 200;
    /** Request threads (accepting and selecting included); every handler is short, streams hold none. */
    static final int MAX_THREADS = 16;
    /** Connections held at once; beyond it the server stops accepting until one closes or times out. */
    static final int MAX_CONNECTIONS = 1000;
    /** A connection that sends or takes nothing for this long is closed: above the live heartbeat (15 s). */
    static final long IDLE_MILLIS = 30_000;
    /** Requests waiting for a thread; beyond it a connection is closed rather than queued without end. */
    private static final int MAX_QUEUED = 4096;

    private final Server server;
    private final InetAddress addr;
    private final int port;
    private final LiveFeed live;
    private final RunCatalog catalog;

    private DashboardServer(Server server, InetAddress addr, int port, LiveFeed live, RunCatalog catalog) {
        this.server = server;
        this.addr = addr;
        this.port = port;
        this.live = live;
        this.catalog = catalog;
    }

    /**
     * Starts serving {@code runsRoot} on {@code host:port} (port 0 picks a free one).
     *
     * @throws java.net.BindException when the port is taken
     */
    public static DashboardServer start(Path runsRoot, String host, int port) throws IOException {
        return start(runsRoot, host, port, IDLE_MILLIS);
    }

    /** As {@link #start(Path, String, int)}, with another idle timeout (tests). */
    static DashboardServer start(Path runsRoot, String host, int port, long idleMillis) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2, 30_000, 0,
                new BlockingArrayQueue<>(64, 64, MAX_QUEUED), null);
        pool.setName("jgan-dashboard");
        // Daemon threads only: `train --dashboard` must still exit when training ends.
        pool.setDaemon(true);
        Server server = new Server(pool, new ScheduledExecutorScheduler("jgan-dashboard-timer", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(idleMillis);
        // The Router judges every path itself (a 404 for "..", encoded separators and the like), so Jetty passes
        // such paths through; it still answers 400 itself for one that climbs above "/" or holds a NUL byte.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(addr.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(idleMillis);
        connector.setAcceptQueueSize(64);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        LiveFeed live = new LiveFeed(TICK_MILLIS);
        RunCatalog catalog = new RunCatalog(runsRoot);
        server.setHandler(new Router(catalog, live, addr.isLoopbackAddress()));
        server.setErrorHandler(Http::error);
        try {
            server.start();
        } catch (Exception e) {
            live.close();
            stopQuietly(server);
            throw asIOException(e, host, port);
        }
        return new DashboardServer(server, addr, connector.getLocalPort(), live, catalog);
    }

    /** Jetty wraps a taken port in a plain IOException; callers act on the BindException inside. */
    private static IOException asIOException(Exception e, String host, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                return b;
            }
        }
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException("cannot start the dashboard on " + host + ":" + port + ": " + e.getMessage(), e);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // already failing; the first error is the one to report
        }
    }

    /** The address to open in a browser, e.g. http://127.0.0.1:8080/. */
    public URI url() {
        String host = addr.isAnyLocalAddress() ? "127.0.0.1" : addr.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The page of one run (its folder name inside the runs folder). */
    public URI runUrl(String runName) {
        return url().resolve("run/" + java.net.URLEncoder.encode(runName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    public int port() {
        return port;
    }

    public RunCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        live.close();
        stopQuietly(server);
    }
}
