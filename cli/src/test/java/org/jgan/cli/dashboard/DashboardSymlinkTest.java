package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symlinks inside a run folder that lead out of the runs folder (issue #15): whatever file they name, its content
 * must never reach a response, through any endpoint; symlinks that stay inside the runs folder still work.
 */
class DashboardSymlinkTest {
    static final String SECRET = "s3cret-outside-the-runs-folder";

    @TempDir
    Path tmp;
    Path runs;
    DashboardServer server;

    @BeforeEach
    void start() throws IOException {
        runs = tmp.resolve("runs");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("stats.jsonl"), "{\"step\":7,\"Loss/D\":0.5,\"alarm\":\"" + SECRET
                + "\",\"time\":1.0}\n{\"step\":8,\"" + SECRET + "\":1.0,\"time\":2.0}\n");
        Files.writeString(outside.resolve("metrics.jsonl"), "{\"step\":7,\"fid\":1.0,\"" + SECRET + "\":2.0}\n");
        Files.writeString(outside.resolve("config.json"), "{\"config\":{\"model\":{\"name\":\"" + SECRET
                + "\"}},\"provenance\":{\"dataset\":{\"name\":\"" + SECRET + "\"}}}");
        RunFixture.create(outside, "run", "dcgan", 100, 100);
        Files.writeString(outside.resolve("run/config.json"), Files.readString(outside.resolve("config.json")));
        // A run of its own whose logs lead out; one whose config leads out; one with samples and checkpoints out.
        RunFixture logs = RunFixture.create(runs, "logs", "dcgan", 400, 0);
        Files.deleteIfExists(logs.dir.resolve("stats.jsonl"));
        Files.createSymbolicLink(logs.dir.resolve("stats.jsonl"), outside.resolve("stats.jsonl"));
        Files.createSymbolicLink(logs.dir.resolve("metrics.jsonl"), outside.resolve("metrics.jsonl"));
        RunFixture cfg = RunFixture.create(runs, "cfg", "dcgan", 400, 100);
        Files.delete(cfg.dir.resolve("config.json"));
        Files.createSymbolicLink(cfg.dir.resolve("config.json"), outside.resolve("config.json"));
        Path files = Files.createDirectories(runs.resolve("files"));
        Files.writeString(files.resolve("stats.jsonl"), "{\"step\":1,\"Loss/D\":0.5,\"time\":1.0}\n");
        Files.createSymbolicLink(files.resolve("samples"), outside.resolve("run/samples"));
        Files.createSymbolicLink(files.resolve("checkpoints"), Files.createDirectories(outside.resolve(SECRET)));
        Files.createDirectories(outside.resolve(SECRET).resolve("step-1"));
        Files.writeString(outside.resolve(SECRET).resolve("step-1/state.json"), "{}");
        // Symlinks that stay inside the runs folder are fine.
        RunFixture inside = RunFixture.create(runs, "inside", "dcgan", 400, 0);
        Files.deleteIfExists(inside.dir.resolve("stats.jsonl"));
        Files.createSymbolicLink(inside.dir.resolve("stats.jsonl"), cfg.dir.resolve("stats.jsonl"));
        server = DashboardServer.start(runs, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String body(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(server.port(), path, 5000);
        assertFalse(r.text().contains(SECRET), path + " answered " + r.status() + " with the secret: " + r.text());
        assertFalse(r.head().contains(SECRET), path);
        return r.status() == 200 ? r.text() : "";
    }

    /** The PNG check above cannot see a secret in image bytes: a linked-out grid must be a 404, an inside one a 200. */
    @Test
    @Timeout(60)
    void aSampleGridLinkedOutOfTheRunsFolderIs404() throws Exception {
        String out = firstPng(tmp.resolve("outside/run/samples"));
        assertEquals(404, RawHttp.get(server.port(), "/runs/files/samples/" + out, 5000).status());
        String in = firstPng(runs.resolve("cfg/samples"));
        assertEquals(200, RawHttp.get(server.port(), "/runs/cfg/samples/" + in, 5000).status());
    }

    private static String firstPng(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no grid in " + dir));
        }
    }

    @Test
    @Timeout(60)
    void noEndpointServesAFileOutsideTheRunsFolder() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/api/runs", "/compare?runs=logs,cfg,files"));
        for (String run : new String[] {"logs", "cfg", "files", "inside"}) {
            for (String p : new String[] {"/run/%s", "/api/runs/%s", "/api/runs/%s/stats", "/api/runs/%s/metrics",
                "/api/runs/%s/stats?gen=-1&from=0", "/runs/%s/samples/step-000050.png", "/runs/%s/config.json"}) {
                paths.add(p.formatted(run));
            }
        }
        for (String p : paths) {
            body(p);
        }
        for (String run : new String[] {"logs", "cfg", "files"}) {
            String live = firstLiveEvent(run);
            assertFalse(live.contains(SECRET), run + " live stream: " + live);
        }
        JsonNode cfg = Http.JSON.readTree(body("/api/runs/cfg"));
        assertEquals(100, cfg.get("step").asInt(), "the run's own stats still show");
        assertEquals("no config.json", cfg.get("configError").asText());
        JsonNode logs = Http.JSON.readTree(body("/api/runs/logs"));
        assertEquals("dcgan", logs.get("model").asText(), "the run's own config still shows");
        assertEquals(-1, logs.get("step").asInt());
        assertEquals(0, Http.JSON.readTree(body("/api/runs/logs/stats")).get("rows").size());
        JsonNode files = Http.JSON.readTree(body("/api/runs/files"));
        assertEquals(0, files.get("samples").size());
        assertEquals(0, files.get("checkpoints").size());
        assertTrue(body("/api/runs/inside/stats").contains("\"step\":100"), "a symlink inside the runs folder");
    }

    /** The first event of a run's live stream (its whole content so far), or what came within two seconds. */
    String firstLiveEvent(String run) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write(("GET /api/runs/" + run + "/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            StringBuilder got = new StringBuilder();
            byte[] buf = new byte[8192];
            try {
                for (int n; !wholeEvent(got.toString()) && (n = in.read(buf)) > 0; ) {
                    got.append(new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                }
            } catch (SocketTimeoutException e) {
                // what came is what we check
            }
            return got.toString();
        }
    }

    static boolean wholeEvent(String got) {
        int data = got.indexOf("\ndata: ");
        return data >= 0 && got.indexOf("\n\n", data) >= 0;
    }
}
