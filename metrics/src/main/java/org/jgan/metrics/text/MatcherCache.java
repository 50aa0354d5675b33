package org.jgan.metrics.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.engine.ArchiveFiles;
import org.jgan.engine.CacheDir;
import org.jgan.engine.StepScope;

/**
 * Trained {@link ImageTextMatcher}s kept in jgan's cache folder, keyed by the training pairs (images and captions)
 * and the training settings, so an evaluation trains its judge once per data set (about a minute on 2 cores) and the
 * same pairs always give the same judge. Deleting the cache folder is safe: the matcher is trained again.
 */
public final class MatcherCache {
    /** Bump when the matcher's architecture or training changes, so old files are not read as new ones. */
    static final int FORMAT = 1;

    private MatcherCache() {
    }

    /** The matcher trained on {@code pairs} by {@code training}, from the cache or trained now and cached. */
    public static ImageTextMatcher get(CaptionedImages pairs, MatcherTraining training, Consumer<String> log)
            throws IOException {
        String key = key(pairs, training);
        Path dir = CacheDir.path();
        Path weights = dir.resolve("text-matcher-" + key + ".pt");
        Path vocab = dir.resolve("text-matcher-" + key + ".vocabulary.json");
        var img = pairs.images();
        if (Files.isRegularFile(weights) && Files.isRegularFile(vocab)) {
            ImageTextMatcher m = new ImageTextMatcher(Tokenizer.load(vocab), img.channels(), img.height(),
                    img.width(), 0);
            try (StepScope s = StepScope.open()) {
                InputArchive a = new InputArchive();
                a.load_from(weights.toString());
                m.load(a);
                m.eval();
                return m;
            } catch (RuntimeException e) {
                m.close();
                log.accept("image-text matcher: " + weights + " did not load (" + e.getMessage() + "); training "
                        + "it again");
            }
        }
        ImageTextMatcher m = training.train(pairs, log);
        Files.createDirectories(dir);
        m.tokenizer().save(vocab);
        try (StepScope s = StepScope.open()) {
            OutputArchive a = new OutputArchive();
            m.save(a);
            ArchiveFiles.save(a, weights);
        }
        return m;
    }

    static String key(CaptionedImages pairs, MatcherTraining t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "|" + t + "|" + pairs.images().fingerprint() + "|").getBytes(StandardCharsets.UTF_8));
            for (String c : pairs.texts()) {
                md.update(c.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
