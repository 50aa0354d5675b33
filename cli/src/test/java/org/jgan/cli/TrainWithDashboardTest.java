package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code jgan train --dashboard}: while it trains, the dashboard's API shows the steps as they come. */
@Tag("slow")
class TrainWithDashboardTest {
    @TempDir
    Path tmp;

    @Test
    void theDashboardFollowsARealTrainingRun() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path run = tmp.resolve("runs/live");
        CompletableFuture<Integer> training = CompletableFuture.supplyAsync(() -> Main.execute(new String[] {
            "train", "--model", "dcgan", "--data", "fashion-mnist", "--steps", "40", "--out", run.toString(),
            "--set", "data.limit=1024", "--set", "schedule.logEvery=5", "--set", "schedule.sampleEvery=20",
            "--no-progress", "--dashboard=" + port}, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
        HttpClient http = HttpClient.newHttpClient();
        URI stats = URI.create("http://127.0.0.1:" + port + "/api/runs/live");
        TreeSet<Long> seen = new TreeSet<>();
        while (!training.isDone()) {
            try {
                JsonNode d = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(stats).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (d.path("step").asLong(-1) > 0) {
                    seen.add(d.get("step").asLong());
                }
            } catch (java.io.IOException e) {
                // not up yet, or already closed
            }
            Thread.sleep(200);
        }
        assertEquals(0, training.get());
        assertTrue(seen.size() >= 3, "the dashboard showed steps " + seen + " while training ran");
    }
}
