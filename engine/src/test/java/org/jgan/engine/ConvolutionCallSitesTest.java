package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * By construction: no main source of any module computes a convolution except through {@link Convolutions}. A direct
 * {@code torch.conv2d}, {@code conv_transpose2d}, {@code convolution} call or a libtorch {@code Conv2d} module's
 * forward would bypass the routing and the float64 checks, and reach oneDNN with any channel count.
 */
class ConvolutionCallSitesTest {
    private static final Pattern DIRECT = Pattern.compile(
            "torch\\s*\\.\\s*(conv[123]d|conv_transpose[123]d|convolution|_convolution|mkldnn_convolution)\\s*\\("
                    + "|new\\s+Conv(Transpose)?[123]dImpl\\s*\\(");
    /**
     * The router itself, the layer that borrows libtorch's initialisation from a throw-away Conv2dImpl, and the video
     * feature network: the router has no 3-D route, so its 3-D layers keep 16-aligned channels (its unaligned first
     * layer is an im2col by hand), and its float32 logits are tested against float64 (VideoFeatureNetTest).
     */
    private static final Set<String> ALLOWED = Set.of("ConvRoute.java", "Layers.java", "VideoFeatureNet.java");

    @Test
    void everyConvolutionGoesThroughConvolutions() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> all = Files.walk(root)) {
            sources = all.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .toList();
        }
        assertTrue(sources.size() > 100, "found only " + sources.size() + " main sources under " + root);
        List<String> offenders = sources.stream()
                .filter(p -> !ALLOWED.contains(p.getFileName().toString()))
                .filter(p -> DIRECT.matcher(read(p)).find())
                .map(p -> root.relativize(p).toString()).toList();
        assertEquals(List.of(), offenders, "call Convolutions.conv2d / convTranspose2d (or Layers.conv / convT)");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
