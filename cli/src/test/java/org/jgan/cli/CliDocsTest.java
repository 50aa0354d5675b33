package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.ConfigSections;
import org.jgan.core.config.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md must not drift from the code: every command that {@link Main} registers, every long option of each,
 * and every config key ({@link TrainConfig}'s record components, section records as dotted keys, and the keys of the
 * variants' own sections, {@link ConfigSections}) is mentioned there.
 * A command counts when the text says {@code jgan NAME}, an option when it says {@code --name}, a key when it stands
 * in backticks ({@code `optim.lrG`}, or with a value, {@code `optim.lrG=1e-4`}).
 */
class CliDocsTest {
    private static final Path DOCS = Path.of("../docs/cli.md");

    @Test
    void everyCommandAndOptionIsDocumented() throws IOException {
        String docs = Files.readString(DOCS);
        List<String> missing = new ArrayList<>();
        CommandLine root = new CommandLine(new Main());
        assertTrue(root.getSubcommands().size() >= 15, "found " + root.getSubcommands().keySet());
        collect(root.getCommandSpec(), docs, missing);
        assertEquals(List.of(), missing, "not in docs/cli.md");
    }

    @Test
    void everyConfigKeyIsDocumented() throws IOException {
        String docs = Files.readString(DOCS);
        List<String> keys = new ArrayList<>();
        keys(TrainConfig.class, "", keys);
        for (ConfigSection<?> s : ConfigSections.all()) {
            keys(s.type(), s.name() + ".", keys);
        }
        assertTrue(keys.contains("optim.lrG") && keys.contains("seed") && keys.contains("i2i.lambdaL1")
                && keys.contains("stylegan2.plWeight") && !keys.contains("sections"), "found " + keys);
        List<String> missing = keys.stream()
                .filter(k -> !Pattern.compile("`" + Pattern.quote(k) + "[`=]").matcher(docs).find()).toList();
        assertEquals(List.of(), missing, "config keys not in docs/cli.md");
    }

    @Test
    void theChecksSeeWhatIsMissing() {
        List<String> missing = new ArrayList<>();
        CommandSpec spec = CommandSpec.create().name("made-up")
                .addOption(OptionSpec.builder("--made-up-option").arity("1").build());
        CommandSpec parent = CommandSpec.create().addSubcommand("made-up", spec);
        collect(parent, "`./jgan made-up --made-up-options`", missing);
        assertEquals(List.of("made-up --made-up-option"), missing, "a longer option's name is not a mention");
    }

    /** Adds "CMD" or "CMD --option" for each subcommand and option below {@code spec} that {@code docs} omits. */
    private static void collect(CommandSpec spec, String docs, List<String> missing) {
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            String name = s.qualifiedName(" ").replaceFirst("^jgan ", "").replaceFirst("^<main class> ", "");
            if (!mentions(docs, "jgan " + name) && !mentions(docs, "`" + s.name())) {
                missing.add(name);
            }
            for (OptionSpec o : s.options()) {
                if (o.longestName().startsWith("--") && !mentions(docs, o.longestName())) {
                    missing.add(name + " " + o.longestName());
                }
            }
            collect(s, docs, missing);
        }
    }

    /** Whether {@code text} occurs in {@code docs} not followed by a letter, digit or hyphen. */
    private static boolean mentions(String docs, String text) {
        return Pattern.compile(Pattern.quote(text) + "(?![A-Za-z0-9-])").matcher(docs).find();
    }

    /**
     * The dotted keys of {@code type}'s components; a component that is a record is a section, and the map of the
     * variants' sections is walked from their registry instead.
     */
    private static void keys(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (Map.class.isAssignableFrom(c.getType())) {
                continue;
            } else if (c.getType().isRecord()) {
                keys(c.getType(), prefix + c.getName() + ".", out);
            } else {
                out.add(prefix + c.getName());
            }
        }
    }
}
