package org.jgan.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Response helpers shared by the dashboard's handlers; every response carries the same defensive headers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Only our own scripts, styles and images; no frames; nothing from the network. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private Http() {
    }

    static void securityHeaders(Headers h) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", CSP);
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
    }

    static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", type);
        // The pages show files that change while a run trains; a cached copy would hide progress.
        h.set("Cache-Control", "no-cache");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void json(HttpExchange ex, JsonNode node) throws IOException {
        send(ex, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(node));
    }

    static void text(HttpExchange ex, int code, String msg) throws IOException {
        send(ex, code, "text/plain; charset=utf-8", (msg + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void notFound(HttpExchange ex) throws IOException {
        text(ex, 404, "not found");
    }

    /** Query parameters, decoded; a repeated name keeps its last value. */
    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            String dk = decode(k);
            String dv = decode(v);
            if (dk != null && dv != null) {
                q.put(dk, dv);
            }
        }
        return q;
    }

    static int intParam(Map<String, String> q, String name, int dflt) {
        try {
            return Integer.parseInt(q.getOrDefault(name, ""));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Percent-decoding of one path segment or query part; '+' is a plus in paths, a space in queries. */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
