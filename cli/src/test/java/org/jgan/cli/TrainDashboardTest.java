package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.cli.dashboard.ReportFixtures;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainListeners;
import org.jgan.core.train.TrainState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --dashboard} and {@code jgan dashboard}, without training: the listener and the command's errors. */
class TrainDashboardTest {
    @TempDir
    Path tmp;

    static int get(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startsBesideTrainingServesTheRunAndPassesEventsOn() throws Exception {
        Path run = ReportFixtures.run(tmp.resolve("runs"), "mine", 100);
        List<String> heard = new ArrayList<>();
        TrainListener progress = new TrainListener() {
            @Override
            public void started(TrainState s, long total) {
                heard.add("started " + total);
            }

            @Override
            public void logged(Map<String, Object> record) {
                heard.add("logged " + record.get("step"));
            }
        };
        URI page;
        try (ServerSocket taken = new ServerSocket(0); TrainDashboard dash = new TrainDashboard(run,
                taken.getLocalPort())) {
            TrainListener both = TrainListeners.of(progress, dash);
            both.started(new TrainState(0, 0, 0), 400);
            both.logged(Map.of("step", 10L));
            assertEquals(List.of("started 400", "logged 10"), heard);
            assertNotEquals(taken.getLocalPort(), dash.server().port(), "a taken port falls back to a free one");
            page = dash.server().runUrl("mine");
            assertEquals(200, get(page));
            assertEquals(200, get(page.resolve("/api/runs/mine")));
        }
        assertThrows(IOException.class, () -> get(page), "closed with the training");
    }

    @Test
    void dashboardCommandRejectsAMissingFolderAndATakenPort() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"dashboard", "--runs", tmp.resolve("nope").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("no such folder"), err.toString());
        Files.createDirectories(tmp.resolve("runs"));
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            err = new StringWriter();
            code = Main.execute(new String[] {"dashboard", "--runs", tmp.resolve("runs").toString(), "--port",
                String.valueOf(taken.getLocalPort())}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code);
            assertTrue(err.toString().contains("choose another with --port"), err.toString());
        }
    }
}
