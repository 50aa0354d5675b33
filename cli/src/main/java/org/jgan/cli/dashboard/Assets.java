package org.jgan.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages, scripts and styles, served from the jar. Only the names listed here exist; the charting library (uPlot,
 * MIT, vendored by scripts/vendor-uplot) ships in the jar, so the dashboard needs no network at run time.
 */
final class Assets {
    private static final String BASE = "/org/jgan/cli/dashboard/static/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("run.html", "text/html; charset=utf-8"),
            Map.entry("compare.html", "text/html; charset=utf-8"),
            Map.entry("dashboard.css", "text/css; charset=utf-8"),
            Map.entry("common.js", "text/javascript; charset=utf-8"),
            Map.entry("charts.js", "text/javascript; charset=utf-8"),
            Map.entry("list.js", "text/javascript; charset=utf-8"),
            Map.entry("run.js", "text/javascript; charset=utf-8"),
            Map.entry("compare.js", "text/javascript; charset=utf-8"),
            Map.entry("uPlot.iife.min.js", "text/javascript; charset=utf-8"),
            Map.entry("uPlot.min.css", "text/css; charset=utf-8"),
            Map.entry("favicon.svg", "image/svg+xml"));
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private Assets() {
    }

    /** A known asset's bytes and content type. */
    record Asset(String type, byte[] bytes) {
    }

    static Optional<Asset> get(String name) {
        String type = TYPES.get(name);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Asset(type, CACHE.computeIfAbsent(name, Assets::load)));
    }

    private static byte[] load(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
