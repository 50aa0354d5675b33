package org.jgan.cli.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live training dashboard: a small read-only web server over a runs folder (JDK's built-in HTTP server, no
 * dependencies). It reads run folders only, never tensors, so it can watch a run training in another process or
 * beside it in the same JVM ({@code jgan train --dashboard}); its threads are daemons and never keep a JVM alive.
 *
 * <p>Safe by default: it binds to 127.0.0.1 unless given another address, answers GET and HEAD only, rejects
 * requests whose Host header is not a loopback name while bound to loopback (DNS rebinding), and serves files only
 * through {@link RunCatalog}, which refuses anything outside the runs folder.
 */
public final class DashboardServer implements AutoCloseable {
    /** How often a live stream looks for new lines: the floor of the latency from disk to page. */
    static final long TICK_MILLIS = 200;

    private final HttpServer server;
    private final ExecutorService pool;
    private final LiveFeed live;
    private final RunCatalog catalog;

    private DashboardServer(HttpServer server, ExecutorService pool, LiveFeed live, RunCatalog catalog) {
        this.server = server;
        this.pool = pool;
        this.live = live;
        this.catalog = catalog;
    }

    /**
     * Starts serving {@code runsRoot} on {@code host:port} (port 0 picks a free one).
     *
     * @throws java.net.BindException when the port is taken
     */
    public static DashboardServer start(Path runsRoot, String host, int port) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        HttpServer server = HttpServer.create(new InetSocketAddress(addr, port), 64);
        AtomicInteger n = new AtomicInteger();
        // Live streams hold a thread each (bounded by LiveFeed.MAX_STREAMS); other requests are short.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, LiveFeed.MAX_STREAMS + 32, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "jgan-dashboard-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        LiveFeed live = new LiveFeed(TICK_MILLIS);
        RunCatalog catalog = new RunCatalog(runsRoot);
        server.createContext("/", new Router(catalog, live, addr.isLoopbackAddress()));
        server.setExecutor(pool);
        // HttpServer.start() runs its dispatcher on a non-daemon thread; start it from a daemon thread so the
        // dispatcher inherits daemon status and `train --dashboard` still exits when training ends.
        Thread starter = new Thread(server::start, "jgan-dashboard-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new DashboardServer(server, pool, live, catalog);
    }

    /** The address to open in a browser, e.g. http://127.0.0.1:8080/. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** The page of one run (its folder name inside the runs folder). */
    public URI runUrl(String runName) {
        return url().resolve("run/" + java.net.URLEncoder.encode(runName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RunCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        pool.shutdownNow();
    }
}
