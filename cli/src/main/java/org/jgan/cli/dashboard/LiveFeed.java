package org.jgan.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jgan.core.runs.RunFolder;

/**
 * Server-sent events for one run page: new stats and metrics lines, the list of sample grids and the run's summary,
 * pushed as soon as they reach the disk. Each stream watches the run folder every {@link #tickMillis} (a few
 * {@code stat} calls when nothing changed), which keeps the dashboard independent of the trainer: it works the same
 * for a run in this JVM, in another process, or copied from another machine.
 *
 * <p>Each event's id is the position reached ({@code statsGen.statsNext.metricsGen.metricsNext}); a browser that
 * reconnects sends it back as {@code Last-Event-ID} and gets only what it missed.
 *
 * <p>Bounded: at most {@link #MAX_STREAMS} streams (then 503, and pages poll instead), all ticked by one thread,
 * each with at most one write in flight. A client that stops reading stalls only its own write, which the server's
 * idle timeout then fails, ending the stream; a closed page is found by the next write (the heartbeat at the latest).
 */
final class LiveFeed {
    /** Browsers keep about six connections per host; beyond this many streams, pages fall back to polling. */
    static final int MAX_STREAMS = 32;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jgan-dashboard-live");
        t.setDaemon(true);
        return t;
    });
    private final long tickMillis;
    private volatile boolean open = true;

    LiveFeed(long tickMillis) {
        this.tickMillis = tickMillis;
    }

    /** Ends every stream (their responses complete normally) and stops the ticking thread. */
    void close() {
        open = false;
        for (Stream s : streams) {
            s.stop();
        }
        ticker.shutdownNow();
    }

    /** Starts a stream of {@code run} on this response, or answers 503 when {@link #MAX_STREAMS} are open. */
    void stream(Request req, Response resp, Callback cb, RunFolder run) {
        if (!open || !slots.tryAcquire()) {
            Http.text(resp, cb, 503, "too many live streams");
            return;
        }
        HttpFields.Mutable h = resp.getHeaders();
        Http.securityHeaders(h);
        h.put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        h.put(HttpHeader.CACHE_CONTROL, "no-cache");
        resp.setStatus(200);
        if (req.getMethod().equals("HEAD")) {
            slots.release();
            resp.write(true, ByteBuffer.allocate(0), cb);
            return;
        }
        Stream s = new Stream(resp, cb, run, position(req));
        streams.add(s);
        if (!open) {
            s.stop(); // closed while this one started: close() may have missed it
            return;
        }
        s.next(0);
    }

    /**
     * One open stream. Its position is touched by one tick at a time (the next is scheduled when a write ends); the
     * lock guards only the ending, which a tick, a write's completion and {@link #close} may all reach.
     */
    private final class Stream implements Callback {
        private final Response resp;
        private final Callback done;
        private final RunFolder run;
        private final int[] pos;
        private boolean writing;
        private boolean stopping;
        private boolean finished;
        private List<Long> samples;
        private String lastSummary;
        private long lastWrite = System.currentTimeMillis();
        private boolean first = true;

        Stream(Response resp, Callback done, RunFolder run, int[] pos) {
            this.resp = resp;
            this.done = done;
            this.run = run;
            this.pos = pos;
        }

        void next(long delayMillis) {
            try {
                ticker.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stop(); // the feed is closing
            }
        }

        private void tick() {
            synchronized (this) {
                if (stopping) {
                    finish(null);
                    return;
                }
            }
            String out;
            try {
                out = poll();
            } catch (RuntimeException | JsonProcessingException e) {
                synchronized (this) {
                    finish(e);
                }
                return;
            }
            if (out == null) {
                next(tickMillis);
                return;
            }
            synchronized (this) {
                if (stopping) {
                    finish(null);
                    return;
                }
                writing = true;
            }
            // Completes through succeeded() or failed() below: one write in flight per stream at most, so a
            // client that stops reading holds one event, not a growing queue of them.
            resp.write(false, ByteBuffer.wrap(out.getBytes(StandardCharsets.UTF_8)), this);
        }

        /** What to send now: an update, a heartbeat, or null. */
        private String poll() throws JsonProcessingException {
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
            ObjectNode summary = RunJson.summary(run);
            String key = summary.get("status").asText() + "/" + summary.get("alarms").asInt();
            if (first || !ev.isEmpty() || !Objects.equals(key, lastSummary)) {
                ev.set("summary", summary);
                lastSummary = key;
            }
            first = false;
            long t = System.currentTimeMillis();
            if (!ev.isEmpty()) {
                lastWrite = t;
                String id = pos[0] + "." + pos[1] + "." + pos[2] + "." + pos[3];
                return "id: " + id + "\nevent: update\ndata: " + Http.JSON.writeValueAsString(ev) + "\n\n";
            }
            if (t - lastWrite > HEARTBEAT_MILLIS) {
                // Finds closed pages (the write fails) and keeps the idle timeout and proxies from ending the stream.
                lastWrite = t;
                return ": ping\n\n";
            }
            return null;
        }

        @Override
        public void succeeded() {
            synchronized (this) {
                writing = false;
                if (stopping) {
                    finish(null);
                    return;
                }
            }
            next(tickMillis);
        }

        @Override
        public void failed(Throwable x) {
            synchronized (this) {
                writing = false;
                finish(x); // the page was closed or reloaded, or stopped reading: the normal end of a stream
            }
        }

        /** Ends the stream now, or when its write in flight completes (a response takes one write at a time). */
        synchronized void stop() {
            stopping = true;
            if (!writing) {
                finish(null);
            }
        }

        private void finish(Throwable failure) {
            if (finished) {
                return;
            }
            finished = true;
            streams.remove(this);
            slots.release();
            if (failure == null) {
                done.succeeded();
            } else {
                done.failed(failure);
            }
        }
    }

    /** Where to resume: Last-Event-ID when the browser reconnects, else ?gen=&from= (defaults: from the start). */
    private static int[] position(Request req) {
        int[] pos = {-1, 0, -1, 0};
        String last = req.getHeaders().get("Last-Event-ID");
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
        Map<String, String> q = Http.query(req);
        pos[0] = Http.intParam(q, "gen", -1);
        pos[1] = Http.intParam(q, "from", 0);
        return pos;
    }
}
