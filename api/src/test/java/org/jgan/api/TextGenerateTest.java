package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.captions.CaptionsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text2image run trained through the API on a captioned folder, then generating from sentences. */
class TextGenerateTest {
    static final String[] NAMES = {"a square block", "a horizontal bar", "a vertical bar"};

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        ImageDataset d = SyntheticData.shapes(24, 28, 4);
        Path folder = CaptionsFile.write(tmp.resolve("captioned"), d,
                java.util.Arrays.stream(d.labels()).mapToObj(l -> NAMES[l]).toList());
        run = tmp.resolve("run");
        Jgan.train(Jgan.config("text2image").data(folder.toString()).batch(8).width(8).steps(3)
                .sampleAndCheckpointEvery(3, 3).build(), run).run();
    }

    @Test
    void generatesFromSentencesOneRowPerPromptTheSameForTheSameSeed() throws Exception {
        try (GanModel m = Jgan.load(run)) {
            assertTrue(m.textConditioned());
            assertFalse(m.conditional(), "captions are not classes");
            List<String> prompts = List.of("a horizontal bar", "A Vertical BAR!");
            Samples a = m.generate(prompts, 3, 7);
            assertEquals(6, a.count());
            assertArrayEquals(a.pixels(), m.generate(prompts, 3, 7).pixels());
            assertFalse(java.util.Arrays.equals(a.pixels(), m.generate(prompts, 3, 8).pixels()));
            assertEquals(List.of(), m.promptWarnings(prompts));
            Path grid = a.writeGrid(tmp.resolve("grid.png"));
            BufferedImage g = ImageIO.read(grid.toFile());
            assertTrue(g.getWidth() > g.getHeight(), "3 columns, 2 rows");
        }
    }

    @Test
    void unknownWordsAndLongPromptsAreReportedAndEmptyOnesRefused() throws Exception {
        try (GanModel m = Jgan.load(run)) {
            List<String> w = m.promptWarnings(List.of("a striped bar", "zebra", "a bar " + "bar ".repeat(20)));
            assertEquals(3, w.size(), w.toString());
            assertTrue(w.get(0).contains("unknown: striped"), w.get(0));
            assertTrue(w.get(1).contains("none of its words"), w.get(1));
            assertTrue(w.get(2).contains("the run reads the first 16"), w.get(2));
            assertEquals(2, m.generate(List.of("zebra"), 2, 0).count(), "unknown words still generate");
            ConfigException e = assertThrows(ConfigException.class, () -> m.generate(List.of("bar", " ,. "), 1, 0));
            assertTrue(e.getMessage().contains("prompt 2 is empty"), e.getMessage());
            ConfigException s = assertThrows(ConfigException.class, () -> m.sample(4, 0));
            assertTrue(s.getMessage().contains("from sentences"), s.getMessage());
        }
    }
}
