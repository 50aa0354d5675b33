package org.jgan.api;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.DataShape;
import org.jgan.models.RunGenerator;
import org.jgan.engine.Tensors;
import org.jgan.models.text2image.PromptEncoder;

/** Generating from sentences with a text2image run: the prompt side of {@link GanModel#generate}. */
final class TextPrompts {
    private TextPrompts() {
    }

    /** {@code perPrompt} images of each prompt, one grid row per prompt, from latent seed {@code seed}. */
    static Samples generate(RunGenerator generator, Path runDir, List<String> prompts, int perPrompt, long seed) {
        ConfigException.check(perPrompt >= 1, "images per prompt must be at least 1, got " + perPrompt);
        int[][] ids = PromptEncoder.ofRun(runDir).encode(prompts);
        long total = (long) prompts.size() * perPrompt;
        ConfigException.check(total <= 1_000_000, prompts.size() + " prompts x " + perPrompt + " images is more "
                + "than 1000000 images");
        int n = (int) total;
        byte[] px = generator.generate(n, seed, (from, m) -> Tensors.fromRows(ids,
                IntStream.range(from, from + m).map(i -> i / perPrompt).toArray()), 1.0);
        DataShape s = generator.shape();
        return new Samples(px, n, s.channels(), s.height(), s.width(), perPrompt, null);
    }

    /** What reading {@code prompts} with the run's vocabulary changes, one line each (unknown words, length). */
    static List<String> warnings(Path runDir, List<String> prompts) {
        return PromptEncoder.ofRun(runDir).warnings(prompts);
    }
}
