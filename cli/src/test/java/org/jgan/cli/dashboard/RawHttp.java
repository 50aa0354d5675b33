package org.jgan.cli.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP requests written byte for byte, because java.net clients normalise paths ("/a/../b" becomes "/b") and would
 * never send the attacks the dashboard must refuse.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** A response's status code and body. */
    record Response(int status, String head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Response get(int port, String rawPath) throws IOException {
        return request(port, "GET", rawPath, "127.0.0.1:" + port);
    }

    /** A GET that gives up after {@code timeoutMillis} (to connect, then between bytes), for tests under load. */
    static Response get(int port, String rawPath, int timeoutMillis) throws IOException {
        return request(port, "GET", rawPath, "127.0.0.1:" + port, timeoutMillis);
    }

    static Response request(int port, String method, String rawPath, String host) throws IOException {
        return request(port, method, rawPath, host, 10_000);
    }

    static Response request(int port, String method, String rawPath, String host, int timeoutMillis)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            String req = method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "\r\n";
            out.write(req.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] all = readAll(s.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            int status = Integer.parseInt(head.split(" ")[1]);
            byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(status, head, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int eol = i;
            while (eol + 1 < body.length && !(body[eol] == '\r' && body[eol + 1] == '\n')) {
                eol++;
            }
            int len = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16);
            if (len == 0) {
                break;
            }
            out.write(body, eol + 2, len);
            i = eol + 2 + len + 2;
        }
        return out.toByteArray();
    }
}
