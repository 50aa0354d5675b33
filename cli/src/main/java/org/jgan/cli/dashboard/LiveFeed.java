package org.jgan.cli.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Server-sent events for one run page: new stats and metrics lines, the list of sample grids and the run's summary,
 * pushed as soon as they reach the disk. Each stream watches the run folder every {@link #tickMillis} (a few
 * {@code stat} calls when nothing changed), which keeps the dashboard independent of the trainer: it works the same
 * for a run in this JVM, in another process, or copied from another machine.
 *
 * <p>Each event's id is the position reached ({@code statsGen.statsNext.metricsGen.metricsNext}); a browser that
 * reconnects sends it back as {@code Last-Event-ID} and gets only what it missed.
 */
final class LiveFeed {
    /** Browsers keep about six connections per host; beyond this many streams, pages fall back to polling. */
    static final int MAX_STREAMS = 32;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final long tickMillis;
    private volatile boolean open = true;

    LiveFeed(long tickMillis) {
        this.tickMillis = tickMillis;
    }

    void close() {
        open = false;
    }

    void stream(HttpExchange ex, RunFolder run) throws IOException {
        if (!streams.tryAcquire()) {
            Http.text(ex, 503, "too many live streams");
            return;
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            Http.securityHeaders(ex.getResponseHeaders());
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                loop(out, run, position(ex));
            } catch (IOException e) {
                // The page was closed or reloaded: the normal end of a stream.
            }
        } finally {
            streams.release();
            ex.close();
        }
    }

    private void loop(OutputStream out, RunFolder run, int[] pos) throws IOException {
        List<Long> samples = null;
        String lastSummary = null;
        long lastWrite = System.currentTimeMillis();
        boolean first = true;
        while (open && !Thread.currentThread().isInterrupted()) {
            run.refresh();
            ObjectNode ev = Http.JSON.createObjectNode();
            ObjectNode stats = run.statsSince(pos[0], pos[1]);
            if (stats.get("reset").asBoolean() || stats.get("next").asInt() != pos[1]) {
                ev.set("stats", stats);
                pos[0] = stats.get("generation").asInt();
                pos[1] = stats.get("next").asInt();
            }
            ObjectNode metrics = run.metricsSince(pos[2], pos[3]);
            if (metrics.get("reset").asBoolean() || metrics.get("next").asInt() != pos[3]) {
                ev.set("metrics", metrics);
                pos[2] = metrics.get("generation").asInt();
                pos[3] = metrics.get("next").asInt();
            }
            List<Long> now = run.sampleSteps();
            if (!now.equals(samples)) {
                ArrayNode arr = ev.putArray("samples");
                now.forEach(arr::add);
                samples = now;
            }
            ObjectNode summary = run.summary();
            String key = summary.get("status").asText() + "/" + summary.get("alarms").asInt();
            if (first || !ev.isEmpty() || !Objects.equals(key, lastSummary)) {
                ev.set("summary", summary);
                lastSummary = key;
            }
            long t = System.currentTimeMillis();
            if (!ev.isEmpty()) {
                String id = pos[0] + "." + pos[1] + "." + pos[2] + "." + pos[3];
                write(out, "id: " + id + "\nevent: update\ndata: " + Http.JSON.writeValueAsString(ev) + "\n\n");
                lastWrite = t;
            } else if (t - lastWrite > HEARTBEAT_MILLIS) {
                // Finds closed pages (the write fails) and keeps proxies from timing the stream out.
                write(out, ": ping\n\n");
                lastWrite = t;
            }
            first = false;
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Where to resume: Last-Event-ID when the browser reconnects, else ?gen=&from= (defaults: from the start). */
    private static int[] position(HttpExchange ex) {
        int[] pos = {-1, 0, -1, 0};
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (last != null) {
            String[] parts = last.split("\\.");
            if (parts.length == 4) {
                try {
                    for (int i = 0; i < 4; i++) {
                        pos[i] = Integer.parseInt(parts[i]);
                    }
                    return pos;
                } catch (NumberFormatException e) {
                    return new int[] {-1, 0, -1, 0};
                }
            }
        }
        Map<String, String> q = Http.query(ex);
        pos[0] = Http.intParam(q, "gen", -1);
        pos[1] = Http.intParam(q, "from", 0);
        return pos;
    }
}
