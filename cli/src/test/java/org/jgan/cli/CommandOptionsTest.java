package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pins the option surface (names, required, defaults, types) of the commands that share option groups, so moving
 * options into mixins cannot silently break users' scripts.
 */
class CommandOptionsTest {
    static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            // sample's --count is parsed as a long so that 99999999999 gets its range (1..1000000), not "not an int";
            // --format has no fixed default: grid for image runs, csv for table runs
            Map.entry("sample", List.of("--checkpoint String", "--class String", "--count=64 long",
                    "--format Format", "--no-ema boolean", "--out! Path", "--run! Path", "--seed=0 long",
                    "--truncation=1 double", "--uncalibrated boolean", "--where List")),
            Map.entry("interpolate", List.of("--checkpoint String", "--class String", "--fps=12 int",
                    "--method Method", "--no-ema boolean", "--out! Path", "--run! Path", "--scale=1 int",
                    "--seeds! String", "--space Space", "--steps=16 int", "--truncation=1 double")),
            Map.entry("style-mix", List.of("--checkpoint String", "--class String", "--cols! String",
                    "--no-ema boolean", "--out! Path", "--rows! String", "--run! Path",
                    "--styles=coarse,middle,fine String", "--truncation=1 double")),
            Map.entry("augment", List.of("--checkpoint String", "--count-per-class! int", "--format=idx String",
                    "--min-confidence Double", "--mix-with String", "--no-ema boolean", "--out! Path",
                    "--ratio=1.0 double", "--run! Path", "--seed=0 long")),
            Map.entry("eval", List.of("--checkpoint String", "--count=10000 int", "--features String",
                    "--no-ema boolean", "--reference String", "--run Path", "--samples String", "--seed=0 long")),
            Map.entry("fid", List.of("--count=10000 int", "--features String", "--no-ema boolean",
                    "--seed=0 long")),
            Map.entry("stats", List.of("--count=10000 int", "--features String", "--no-ema boolean", "--out! Path",
                    "--seed=0 long")),
            Map.entry("translate", List.of("--ab boolean", "--checkpoint String", "--direction=AtoB String",
                    "--grid=16 int", "--idx boolean", "--input! String", "--label Integer", "--limit=0 int",
                    "--no-ema boolean", "--out! Path", "--run! Path")),
            Map.entry("upscale", List.of("--checkpoint String", "--degrade boolean", "--grid=16 int",
                    "--idx boolean", "--input! String", "--limit=0 int", "--no-ema boolean", "--out! Path",
                    "--run! Path")),
            Map.entry("project", List.of("--checkpoint String", "--image! Path", "--lr=0.05 double",
                    "--no-ema boolean", "--out Path", "--run! Path", "--steps=300 int")),
            Map.entry("bench", List.of("--batch=64 int", "--json Path", "--no-python boolean",
                    "--precision=float32 String", "--python=/usr/bin/python3 String", "--rounds=3 int",
                    "--steps=50 int", "--threads Integer", "--warmup=10 int")),
            Map.entry("bench-eval", List.of("--json Path", "--no-python boolean", "--python=/usr/bin/python3 String",
                    "--reference=fashion-mnist:test String", "--run=runs/demo Path", "--samples=10000 int",
                    "--seed=0 long", "--threads Integer")),
            Map.entry("bench-i2i", List.of("--batch Integer", "--channels=3 int", "--json Path",
                    "--models=pix2pix,cyclegan,srgan List", "--no-python boolean", "--plot Path",
                    "--python=/usr/bin/python3 String", "--sizes=32,64,128 List", "--steps=6 int", "--threads=1 int",
                    "--warmup=2 int")),
            Map.entry("bench-stylegan2", List.of("--batch=32 int", "--gen-batch=256 int", "--gen-reps=5 int",
                    "--json Path", "--no-python boolean",
                    "--plot Path", "--precision=float32 String", "--python=/usr/bin/python3 String",
                    "--size=28 int", "--steps=32 int",
                    "--sweep boolean", "--threads=1 int", "--warmup=3 int", "--width=64 int"))));

    /** One option as {@code names[!][=default] Type}; '!' marks a required option. */
    static String signature(OptionSpec o) {
        return String.join("|", o.names()) + (o.required() ? "!" : "")
                + (o.defaultValue() == null ? "" : "=" + o.defaultValue()) + " " + o.type().getSimpleName();
    }

    @Test
    void sharedOptionsKeepTheirNamesDefaultsAndTypes() {
        Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
        EXPECTED.forEach((name, expected) -> {
            List<String> actual = commands.get(name).getCommandSpec().options().stream()
                    .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.longestName().equals("--verbose"))
                    .map(CommandOptionsTest::signature).sorted().toList();
            assertEquals(expected, actual, name);
        });
    }
}
