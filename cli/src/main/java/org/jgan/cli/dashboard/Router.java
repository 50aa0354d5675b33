package org.jgan.cli.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jgan.core.runs.RunCatalog;
import org.jgan.core.runs.RunFolder;

/**
 * The dashboard's URLs. Every path is matched whole, segment by segment, against this fixed list; anything else,
 * and any run or file the {@link RunCatalog} does not vouch for, is a 404. Only GET and HEAD exist: the dashboard
 * never changes a run.
 *
 * <pre>
 * /                                  runs list          /api/runs                        summaries
 * /run/NAME                          one run            /api/runs/NAME                   details, config, alarms
 * /compare?runs=A,B                  runs on one chart  /api/runs/NAME/stats?gen=G&amp;from=N  stats lines after N
 * /static/FILE                       scripts, styles    /api/runs/NAME/metrics?gen=G&amp;from=N
 * /runs/NAME/samples/step-N.png      a sample grid      /api/runs/NAME/live              server-sent events
 *                                    (a GIF for clips)
 * </pre>
 *
 * <p>Handlers run on the server's bounded pool and only read a few files; a live stream returns at once and goes on
 * in {@link LiveFeed} without holding a thread.
 */
final class Router extends Handler.Abstract {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final java.util.regex.Pattern IP_LITERAL =
            java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*");

    private final RunCatalog catalog;
    private final LiveFeed live;
    private final boolean loopbackOnly;

    Router(RunCatalog catalog, LiveFeed live, boolean loopbackOnly) {
        this.catalog = catalog;
        this.live = live;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public boolean handle(Request req, Response resp, Callback cb) {
        try {
            String method = req.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                resp.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                Http.text(resp, cb, 405, "the dashboard is read-only");
                return true;
            }
            if (loopbackOnly && !loopbackHost(req.getHeaders().get(HttpHeader.HOST))) {
                // A web page elsewhere could point a DNS name at 127.0.0.1 and read the runs (DNS rebinding).
                Http.text(resp, cb, 403, "unexpected Host header");
                return true;
            }
            List<String> seg = segments(req.getHttpURI().getPath());
            if (seg == null) {
                Http.notFound(resp, cb);
                return true;
            }
            route(req, resp, cb, seg);
        } catch (RuntimeException e) {
            // A run changing under our feet must not take the server down; the page will ask again.
            Http.text(resp, cb, 500, "internal error: " + e.getClass().getSimpleName());
        }
        return true;
    }

    private void route(Request req, Response resp, Callback cb, List<String> seg) {
        int n = seg.size();
        String first = n == 0 ? "" : seg.get(0);
        if (n == 0) {
            asset(resp, cb, "index.html");
        } else if (n == 1 && first.equals("compare")) {
            asset(resp, cb, "compare.html");
        } else if (n == 1 && first.equals("favicon.ico")) {
            asset(resp, cb, "favicon.svg");
        } else if (n == 2 && first.equals("static")) {
            asset(resp, cb, seg.get(1));
        } else if (n == 2 && first.equals("run")) {
            if (catalog.find(seg.get(1)).isPresent()) {
                asset(resp, cb, "run.html");
            } else {
                Http.notFound(resp, cb);
            }
        } else if (n == 4 && first.equals("runs") && seg.get(2).equals("samples")) {
            sample(resp, cb, seg.get(1), seg.get(3));
        } else if (n >= 2 && first.equals("api") && seg.get(1).equals("runs")) {
            api(req, resp, cb, seg);
        } else {
            Http.notFound(resp, cb);
        }
    }

    private void api(Request req, Response resp, Callback cb, List<String> seg) {
        if (seg.size() == 2) {
            ArrayNode arr = Http.JSON.createArrayNode();
            for (RunFolder r : catalog.list()) {
                arr.add(RunJson.summary(r));
            }
            Http.json(resp, cb, arr);
            return;
        }
        Optional<RunFolder> found = catalog.find(seg.get(2));
        if (found.isEmpty() || seg.size() > 4) {
            Http.notFound(resp, cb);
            return;
        }
        RunFolder run = found.get();
        Map<String, String> q = Http.query(req);
        int gen = Http.intParam(q, "gen", -1);
        int from = Http.intParam(q, "from", 0);
        String what = seg.size() == 3 ? "" : seg.get(3);
        switch (what) {
            case "" -> Http.json(resp, cb, RunJson.details(run));
            case "stats" -> Http.json(resp, cb, run.statsSince(gen, from));
            case "metrics" -> Http.json(resp, cb, run.metricsSince(gen, from));
            case "live" -> live.stream(req, resp, cb, run);
            default -> Http.notFound(resp, cb);
        }
    }

    private void sample(Response resp, Callback cb, String runName, String file) {
        // The run answers with the file's real path, checked to lie inside the runs folder: reading that path
        // (not the name, which a symlink swapped in meanwhile could redirect) reads what was checked.
        // A video run's view is a GIF beside the strip PNG: the page asks for the PNG and gets the clips playing.
        Optional<Path> gif = catalog.find(runName).flatMap(r -> r.animation(file));
        Optional<Path> png = gif.isPresent() ? gif : catalog.find(runName).flatMap(r -> r.sample(file));
        byte[] bytes;
        try {
            bytes = png.isPresent() ? Files.readAllBytes(png.get()) : null;
        } catch (IOException e) {
            bytes = null; // deleted between the check and the read
        }
        if (bytes == null) {
            Http.notFound(resp, cb);
            return;
        }
        Http.send(resp, cb, 200, gif.isPresent() ? "image/gif" : "image/png", bytes);
    }

    private static void asset(Response resp, Callback cb, String name) {
        Optional<Assets.Asset> a = Assets.get(name);
        if (a.isEmpty()) {
            Http.notFound(resp, cb);
            return;
        }
        Http.send(resp, cb, 200, a.get().type(), a.get().bytes());
    }

    /** Decoded path segments, or null when a segment is empty, a dot name, or decodes to a separator. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String p = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (p.equals("/")) {
            return out;
        }
        for (String raw : p.substring(1).split("/", -1)) {
            String s = Http.decode(raw);
            if (s == null || s.isEmpty() || s.startsWith(".") || s.contains("/") || s.contains("\\")
                    || s.indexOf('\0') >= 0) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            h = h.substring(0, colon);
        }
        if (LOOPBACK_HOSTS.contains(h)) {
            return true;
        }
        // Other spellings of a loopback address (127.0.0.2, [0:0:0:0:0:0:0:1]); literals only, never a DNS lookup.
        String literal = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(literal).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
