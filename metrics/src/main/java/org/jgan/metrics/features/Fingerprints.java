package org.jgan.metrics.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short content hashes (first 16 hex digits of SHA-256) of weight files, used as cache keys. */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static String ofResource(String resource) throws IOException {
        try (InputStream in = Fingerprints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + ": missing from the class path");
            }
            return of(in);
        }
    }

    public static String ofBytes(byte[] data) {
        MessageDigest md = sha256();
        md.update(data);
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static String of(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
