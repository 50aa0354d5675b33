package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardServerTest {
    static final String SECRET = "top-secret-not-in-runs";

    @TempDir
    Path tmp;
    Path runs;
    RunFixture a;
    DashboardServer server;

    @BeforeEach
    void start() throws IOException {
        runs = tmp.resolve("runs");
        a = RunFixture.create(runs, "a", "dcgan", 400, 200);
        a.appendMetrics(100, 41.25);
        a.appendMetrics(200, 23.4567);
        RunFixture.create(runs, "b", "vanilla", 100, 100);
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(runs.resolve("notes.txt"), SECRET);
        server = DashboardServer.start(runs, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode json(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(server.port(), path);
        assertEquals(200, r.status(), path);
        return Http.JSON.readTree(r.body());
    }

    @Test
    void listsRunsWithTheNumbersInTheirFiles() throws IOException {
        JsonNode list = json("/api/runs");
        assertEquals(2, list.size());
        JsonNode runA = list.get(0);
        assertEquals("a", runA.get("name").asText());
        assertEquals("dcgan", runA.get("model").asText());
        assertEquals(200, runA.get("step").asInt());
        assertEquals(23.4567, runA.get("bestFid").asDouble());
        assertEquals("finished", list.get(1).get("status").asText());
        JsonNode stats = json("/api/runs/a/stats?gen=-1&from=0");
        assertEquals(20, stats.get("rows").size());
        assertEquals(RunFixture.lossG(200), stats.get("rows").get(19).get("Loss/G").asDouble());
        JsonNode more = json("/api/runs/a/stats?gen=" + stats.get("generation") + "&from=" + stats.get("next"));
        assertEquals(0, more.get("rows").size());
        assertEquals(2, json("/api/runs/a/metrics").get("rows").size());
        assertEquals(4, json("/api/runs/a").get("samples").size());
    }

    @Test
    void servesPagesScriptsAndSampleGrids() throws IOException {
        for (String page : new String[] {"/", "/run/a", "/compare?runs=a,b", "/static/uPlot.iife.min.js",
                "/static/run.js", "/static/dashboard.css"}) {
            RawHttp.Response r = RawHttp.get(server.port(), page);
            assertEquals(200, r.status(), page);
            assertTrue(r.head().toLowerCase().contains("content-security-policy: default-src 'self'"), page);
        }
        RawHttp.Response png = RawHttp.get(server.port(), "/runs/a/samples/step-000050.png");
        assertEquals(200, png.status());
        assertArrayEquals(Files.readAllBytes(a.sample(50)), png.body());
        assertEquals(404, RawHttp.get(server.port(), "/run/nope").status());
    }

    @Test
    void aVideoRunsViewIsServedAsItsGif() throws IOException {
        // a mocogan run writes step-N.gif beside the strip step-N.png: the page's PNG address gets the GIF
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 2, 3};
        Files.write(a.dir.resolve("samples").resolve("step-000050.gif"), gif);
        try {
            RawHttp.Response r = RawHttp.get(server.port(), "/runs/a/samples/step-000050.png");
            assertEquals(200, r.status());
            assertTrue(r.head().toLowerCase().contains("content-type: image/gif"), r.head());
            assertArrayEquals(gif, r.body());
        } finally {
            Files.delete(a.dir.resolve("samples").resolve("step-000050.gif"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/runs/a/../../secret.txt", "/runs/a/samples/..%2f..%2f..%2fsecret.txt",
        "/runs/a/samples/%2e%2e%2f%2e%2e%2fconfig.json", "/runs/%2e%2e/samples/step-000050.png",
        "/runs/..%2fsecret.txt/samples/step-000050.png", "/static/..%2f..%2f..%2fsecret.txt", "/static/../run.html",
        "/static/%5c..%5csecret.txt", "/run/..", "/run/%2e%2e", "/api/runs/..", "/api/runs/..%2f..%2fsecret.txt",
        "/api/runs/a/..%2f..%2fsecret.txt", "/runs/a/config.json", "/runs/a/stats.jsonl", "/notes.txt",
        "/runs/notes.txt/samples/step-000050.png",
        "/runs/a/samples/step-000050.PNG", "//secret.txt", "/api/runs/%2Fetc%2Fpasswd", "/etc/passwd",
        "/runs/a/samples/.tmp-50.png", "/static/JsonlLog.class", "/static/"})
    void pathTraversalAttemptsGet404(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(server.port(), path);
        assertEquals(404, r.status(), path);
        assertFalse(r.text().contains(SECRET), path);
    }

    /** Paths the HTTP parser refuses before the Router sees them: one that climbs above "/", one with a NUL. */
    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/runs/a/samples/step-000050.png%00.txt", "/static/%00run.html"})
    void malformedPathsGet400(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(server.port(), path);
        assertEquals(400, r.status(), path);
        assertEquals("bad request\n", r.text(), "one plain line, no HTML error page");
        assertTrue(r.head().toLowerCase().contains("content-security-policy: default-src 'self'"), path);
    }

    @Test
    void symlinksLeadingOutOfTheRunsFolderAre404() throws IOException {
        Path outside = RunFixture.create(tmp, "outside", "dcgan", 100, 100).dir;
        Files.createSymbolicLink(runs.resolve("evil"), outside);
        Files.createSymbolicLink(a.dir.resolve("samples").resolve("step-000999.png"), outside.resolve(
                "samples/step-000050.png"));
        assertEquals(404, RawHttp.get(server.port(), "/runs/evil/samples/step-000050.png").status());
        assertEquals(404, RawHttp.get(server.port(), "/api/runs/evil").status());
        assertEquals(404, RawHttp.get(server.port(), "/runs/a/samples/step-000999.png").status());
        assertFalse(json("/api/runs").toString().contains("evil"));
    }

    @Test
    void readOnlyAndOnlyForLoopbackHostNames() throws IOException {
        assertEquals(405, RawHttp.request(server.port(), "POST", "/api/runs", "127.0.0.1").status());
        assertEquals(405, RawHttp.request(server.port(), "DELETE", "/runs/a/samples/step-000050.png",
                "127.0.0.1").status());
        assertTrue(Files.exists(a.sample(50)));
        assertEquals(403, RawHttp.request(server.port(), "GET", "/api/runs", "attacker.example:80").status());
        assertEquals(200, RawHttp.request(server.port(), "GET", "/api/runs", "localhost:" + server.port()).status());
        assertEquals(200, RawHttp.request(server.port(), "HEAD", "/run/a", "127.0.0.1").status());
        assertEquals(200, RawHttp.request(server.port(), "GET", "/", "[0:0:0:0:0:0:0:1]:8080").status());
        assertEquals(403, RawHttp.request(server.port(), "GET", "/", "127.0.0.1.attacker.example").status());
        assertEquals(403, RawHttp.request(server.port(), "GET", "/", "10.0.0.1").status());
    }

    @Test
    void survivesMissingFilesAndCorruptLines() throws IOException {
        a.appendLine("{\"step\": 210, \"Loss/D\": garbage");
        a.appendStats(220);
        Files.delete(a.sample(100));
        assertEquals(404, RawHttp.get(server.port(), "/runs/a/samples/step-000100.png").status());
        JsonNode d = json("/api/runs/a");
        assertEquals(220, d.get("step").asInt());
        assertEquals(1, d.get("skippedLines").get("stats.jsonl").asInt());
        assertEquals(3, d.get("samples").size());
        Files.delete(a.dir.resolve("config.json"));
        Files.delete(a.dir.resolve("metrics.jsonl"));
        d = json("/api/runs/a");
        assertEquals("no config.json", d.get("configError").asText());
        assertTrue(d.get("bestFid").isNull());
        assertEquals(200, RawHttp.get(server.port(), "/run/a").status(), "stats.jsonl alone still makes a run");
    }

    @Test
    void liveStreamPushesANewStatsLineAtOnce() throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> resp = client.send(HttpRequest.newBuilder(
                URI.create(server.url() + "api/runs/a/live")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", resp.headers().firstValue("Content-Type").orElse(""));
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        events.add(line.substring(6));
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        JsonNode first = Http.JSON.readTree(events.poll(5, TimeUnit.SECONDS));
        assertEquals(20, first.get("stats").get("rows").size());
        assertEquals(4, first.get("samples").size());
        long t0 = System.nanoTime();
        a.appendStats(210);
        String next = events.poll(5, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        JsonNode ev = Http.JSON.readTree(next);
        assertEquals(1, ev.get("stats").get("rows").size(), "only the new line");
        assertEquals(210, ev.get("stats").get("rows").get(0).get("step").asInt());
        System.out.printf("dashboard SSE latency, file append -> event: %.0f ms%n", ms);
        assertTrue(ms < 2000, "took " + ms + " ms");
        a.writeSample(250);
        JsonNode samples = Http.JSON.readTree(events.poll(5, TimeUnit.SECONDS));
        assertEquals(5, samples.get("samples").size());
        resp.body().close();
    }

    @Test
    void aTakenPortIsABindException() {
        // DashboardCommand and `train --dashboard` act on exactly this type (a message, or another port).
        assertThrows(java.net.BindException.class, () -> DashboardServer.start(runs, "127.0.0.1", server.port()));
    }

    @Test
    void runsOnDaemonThreadsAndStopsWhenClosed() throws Exception {
        int named = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jgan-dashboard")) {
                named++;
                assertTrue(t.isDaemon(), t.getName() + " would keep `train --dashboard` alive");
            }
        }
        assertTrue(named >= 2, "the acceptor and selector at least");
        int port = server.port();
        server.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        long deadline = System.currentTimeMillis() + 5000;
        while (DashboardLoadTest.dashboardThreads() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, DashboardLoadTest.dashboardThreads(), "threads left behind by a closed server");
    }
}
