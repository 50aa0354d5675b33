package org.jgan.engine;

import java.nio.file.Path;

/**
 * The folder of jgan's on-disk caches (real-data features, passed convolution checks): the {@code jgan.cache.dir}
 * system property, else {@code JGAN_CACHE_DIR}, else {@code ~/.cache/jgan}. Deleting it is always safe.
 */
public final class CacheDir {
    private CacheDir() {
    }

    public static Path path() {
        String dir = System.getProperty("jgan.cache.dir", System.getenv("JGAN_CACHE_DIR"));
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "jgan");
    }
}
