package org.jgan.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Response helpers shared by the dashboard's handlers; every response carries the same defensive headers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Only our own scripts, styles and images; no frames; nothing from the network. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final HttpField[] SECURITY = {
        new HttpField("X-Content-Type-Options", "nosniff"),
        new HttpField("Content-Security-Policy", CSP),
        new HttpField("Referrer-Policy", "no-referrer"),
        new HttpField("X-Frame-Options", "DENY")};

    private Http() {
    }

    static void securityHeaders(HttpFields.Mutable h) {
        for (HttpField f : SECURITY) {
            h.put(f);
        }
    }

    /** Sends a whole response; the write is asynchronous and completes {@code callback} (HEAD: headers only). */
    static void send(Response resp, Callback callback, int code, String type, byte[] body) {
        HttpFields.Mutable h = resp.getHeaders();
        securityHeaders(h);
        h.put(HttpHeader.CONTENT_TYPE, type);
        // The pages show files that change while a run trains; a cached copy would hide progress.
        h.put(HttpHeader.CACHE_CONTROL, "no-cache");
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        resp.setStatus(code);
        // Jetty leaves the body out of a HEAD response itself and keeps its Content-Length.
        resp.write(true, ByteBuffer.wrap(body), callback);
    }

    static void json(Response resp, Callback callback, JsonNode node) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree we built ourselves always serialises
        }
        send(resp, callback, 200, "application/json; charset=utf-8", body);
    }

    static void text(Response resp, Callback callback, int code, String msg) {
        send(resp, callback, code, "text/plain; charset=utf-8", (msg + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void notFound(Response resp, Callback callback) {
        text(resp, callback, 404, "not found");
    }

    /**
     * The answer to a request that Jetty refuses before the Router sees it (a malformed request line, headers over
     * the size limit, ...): one plain line, like every other dashboard error, instead of Jetty's HTML page.
     */
    static boolean error(Request req, Response resp, Callback callback) {
        int code = req.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer i ? i : 500;
        String reason = HttpStatus.getMessage(code);
        text(resp, callback, code, reason == null ? "error" : reason.toLowerCase(Locale.ROOT));
        return true;
    }

    /** Query parameters, decoded; a repeated name keeps its last value. */
    static Map<String, String> query(Request req) {
        Map<String, String> q = new HashMap<>();
        String raw = req.getHttpURI().getQuery();
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
