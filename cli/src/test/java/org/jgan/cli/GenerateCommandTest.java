package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.captions.CaptionsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan generate} on a tiny text2image run: images from prompts, and every bad input as one line, exit 2. */
class GenerateCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        ImageDataset d = SyntheticData.shapes(16, 28, 2);
        Path folder = CaptionsFile.write(tmp.resolve("captioned"), d,
                java.util.Arrays.stream(d.labels()).mapToObj(l -> "a shape of kind " + l).toList());
        run = tmp.resolve("run");
        CliTest.Result r = CliTest.runCapturing("train", "--model", "text2image", "--data", folder.toString(),
                "--steps", "2", "--set", "data.batch=8", "--set", "model.width=8", "--no-progress", "--out",
                run.toString());
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void writesOneGridRowPerPromptAndWarnsAboutUnknownWords() throws Exception {
        Path out = tmp.resolve("grid.png");
        CliTest.Result r = CliTest.runCapturing("generate", "--run", run.toString(), "--prompt", "a shape of kind 1",
                "--prompt", "a striped shape", "--count", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("6 images of 2 prompt(s)"), r.out());
        assertTrue(r.err().contains("unknown: striped"), r.err());
        BufferedImage g = ImageIO.read(out.toFile());
        assertTrue(g.getWidth() > g.getHeight(), "3 columns, 2 rows");
    }

    @Test
    void badPromptsAreOneLineErrors() throws Exception {
        String r = run.toString();
        String out = tmp.resolve("x.png").toString();
        expect("give a sentence with --prompt", "generate", "--run", r, "--out", out);
        expect("prompt 1 is empty", "generate", "--run", r, "--prompt", " .", "--out", out);
        expect("no such file", "generate", "--run", r, "--prompts", tmp.resolve("none.txt").toString(), "--out", out);
        expect("--prompts " + tmp + ": is a folder; give a text file", "generate", "--run", r, "--prompts",
                tmp.toString(), "--out", out);
        Path empty = Files.writeString(tmp.resolve("blank.txt"), "\n  \n");
        expect("give a sentence with --prompt", "generate", "--run", r, "--prompts", empty.toString(), "--out", out);
        expect("--count must be in 1..1000000", "generate", "--run", r, "--prompt", "a", "--count", "0", "--out", out);
        expect("draws images from sentences", "sample", "--run", r, "--out", out);
        expect("a grid shows at most 10000 images, asked for 10002", "generate", "--run", r, "--prompt", "a",
                "--prompt", "b", "--count", "5001", "--out", out);
        for (String f : new String[]{"csv", "jsonl", "gif"}) {  // sample's formats for rows and clips
            expect("--format " + f + ": jgan generate writes images: png, grid or idx", "generate", "--run", r,
                    "--prompt", "a", "--format", f, "--out", out);
        }
    }

    private static void expect(String message, String... args) {
        CliTest.Result r = CliTest.run(args);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(message), r.toString());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
