package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard under the load of issue #15, on 127.0.0.1 only: clients that open a request and never finish it,
 * and more live streams than it serves, must neither freeze the pages nor grow its threads. Every socket a test
 * opens is closed after it, and the server stopped, whatever the outcome.
 */
class DashboardLoadTest {
    static final int SLOW_CLIENTS = 200;

    @TempDir
    Path tmp;
    DashboardServer server;
    final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        Path runs = tmp.resolve("runs");
        RunFixture.create(runs, "a", "dcgan", 400, 200);
        server = DashboardServer.start(runs, "127.0.0.1", 0);
        // Warm up (class loading, JIT) so the one-second checks below measure the server, not the first request.
        assertEquals(200, RawHttp.get(server.port(), "/", 10_000).status());
    }

    @AfterEach
    void stop() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        server.close();
    }

    /** Opens a socket to the dashboard and sends {@code bytes}; fails when the server no longer accepts. */
    Socket open(String bytes) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.setSoTimeout(5000);
        s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    /** Milliseconds that a GET of {@code path} took; it must answer 200. */
    long timedGet(String path) throws IOException {
        long t0 = System.nanoTime();
        RawHttp.Response r = RawHttp.get(server.port(), path, 5000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.status(), path);
        return ms;
    }

    static int dashboardThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName(); // every thread of the dashboard's is named so (the JDK server's were too)
            n += t.isAlive() && name.startsWith("jgan-dashboard") ? 1 : 0;
        }
        return n;
    }

    @Test
    @Timeout(60)
    void pagesAnswerWithinASecondWhile200SlowClientsHoldRequestsOpen() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            // Half a request line, or a request line and headers without their closing blank line (slowloris).
            open(i % 2 == 0 ? "GET /api/ru" : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\nX-More: ");
        }
        Thread.sleep(300); // let the server take them all in before the timed requests
        for (String page : new String[] {"/", "/api/runs", "/run/a", "/api/runs/a"}) {
            long ms = timedGet(page);
            System.out.printf("dashboard with %d slow clients: %s in %d ms%n", SLOW_CLIENTS, page, ms);
            assertTrue(ms < 1000, page + " took " + ms + " ms");
        }
        assertTrue(dashboardThreads() <= DashboardServer.MAX_THREADS + 2,
                dashboardThreads() + " threads for " + SLOW_CLIENTS + " slow clients");
    }

    @Test
    @Timeout(60)
    void streamsBeyondTheCapAre503AndThreadsStayBounded() throws Exception {
        int before = dashboardThreads();
        long heapBefore = heapAfterGc();
        int asked = 3 * LiveFeed.MAX_STREAMS;
        List<Socket> streams = new ArrayList<>();
        for (int i = 0; i < asked; i++) {
            streams.add(open("GET /api/runs/a/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        }
        int ok = 0;
        int refused = 0;
        for (Socket s : streams) {
            String status = statusLine(s.getInputStream());
            ok += status.contains(" 200 ") ? 1 : 0;
            refused += status.contains(" 503 ") ? 1 : 0;
        }
        assertEquals(LiveFeed.MAX_STREAMS, ok, "streams served");
        assertEquals(asked - LiveFeed.MAX_STREAMS, refused, "streams refused with 503");
        Thread.sleep(5 * DashboardServer.TICK_MILLIS); // a few ticks of every stream
        int during = dashboardThreads();
        long heapGrowth = heapAfterGc() - heapBefore;
        System.out.printf("dashboard threads: %d before, %d with %d streams open and %d refused; heap %+d KiB%n",
                before, during, ok, refused, heapGrowth >> 10);
        assertTrue(during <= DashboardServer.MAX_THREADS + 2, during + " threads for " + ok + " streams");
        assertTrue(heapGrowth < 32 << 20, "heap grew by " + (heapGrowth >> 20) + " MiB for " + ok + " streams");
        long ms = timedGet("/run/a");
        assertTrue(ms < 1000, "the page took " + ms + " ms with the streams open");
        assertEquals(200, RawHttp.get(server.port(), "/api/runs/a/stats", 5000).status());
    }

    @Test
    @Timeout(30)
    void clientsThatNeverFinishARequestAreDroppedAfterTheIdleTimeout() throws Exception {
        server.close();
        server = DashboardServer.start(tmp.resolve("runs"), "127.0.0.1", 0, 500);
        Socket slow = open("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        long t0 = System.nanoTime();
        int got;
        try {
            got = slow.getInputStream().read(); // blocks until the server closes the connection (or 5 s)
        } catch (IOException e) {
            got = -1; // reset by the server: dropped too
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(-1, got, "the server answered instead of dropping the connection");
        assertTrue(ms < 4000, "dropped after " + ms + " ms; idle timeout 500 ms");
        assertEquals(200, RawHttp.get(server.port(), "/", 5000).status());
    }

    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The first line of a response, read byte by byte (the rest of a stream never ends). */
    static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
