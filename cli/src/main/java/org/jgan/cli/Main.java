package org.jgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.io.IoErrors;
import org.jgan.core.train.CheckpointFileException;
import org.jgan.core.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code jgan} command line. */
@Command(name = "jgan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Train, sample and evaluate generative adversarial networks on the JVM (libtorch inside).",
        subcommands = {TrainCommand.class, SampleCommand.class, GenerateCommand.class, BenchCommand.class, DoctorCommand.class,
                DashboardCommand.class, ReportCommand.class, TableReportCommand.class, SeriesReportCommand.class, VideoReportCommand.class,
                ClassifierCommand.class, StatsCommand.class, FidCommand.class, EvalCommand.class, AugmentCommand.class, AugmentEvalCommand.class,
                TranslateCommand.class, UpscaleCommand.class,
                StyleMixCommand.class, InterpolateCommand.class, ProjectCommand.class, StyleGan2BenchCommand.class, I2iBenchCommand.class, EvalBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static {
        // Commands that use models directly (not only through the API) see the same wiring as API users.
        org.jgan.api.Wiring.ensure();
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI with the given streams and returns the exit code: 0 ok, 1 failure, 2 bad input (always one line,
     * naming the input), 3 training finished but raised dead-run alarms ({@link TrainCommand#finalVerdict}).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::badParameter);
        cl.registerConverter(Integer.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(int.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.registerConverter(long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // --verbose is inherited: after a subcommand name it is matched there, not on the top-level result.
            boolean verbose = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                verbose |= p.hasMatchedOption("--verbose");
            }
            boolean userError = ex instanceof DataException || ex instanceof ConfigException
                    || ex instanceof IllegalArgumentException || ex instanceof CheckpointFileException;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            FileSystemException fs = pathProblem(ex);
            if (fs != null) {
                // A path the user gave (or a folder under it) that cannot be written or read: name it and say why.
                String why = IoErrors.reason(fs);
                msg = msg.contains(why) && !msg.equals(fs.getFile()) ? msg
                        : (fs.getFile() != null ? fs.getFile() : msg) + ": " + why;
                userError = true;
            } else if (ex instanceof CheckpointFileException) {
                msg = ex.getMessage();
            } else if (ex instanceof IOException && !(ex instanceof java.nio.file.NoSuchFileException)) {
                msg = "I/O error: " + msg;
            } else if (ex instanceof java.nio.file.NoSuchFileException) {
                msg = msg + ": no such file";
                userError = true;
            } else if (ex instanceof TrainingDivergedException) {
                msg = "training diverged: " + msg;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + msg);  // "jgan classifier train"
            if (verbose) {
                ex.printStackTrace(cmd.getErr());
            } else if (!userError) {
                cmd.getErr().println("(run again with --verbose for the stack trace)");
            }
            cmd.getErr().flush();
            return userError ? 2 : 1;
        });
        return cl.execute(args);
    }

    /**
     * A file-system refusal (permission denied, read-only file system, a parent that is a file) behind {@code ex}, or
     * null: these are about where the user pointed jgan, not failures of jgan. A missing file has its own message.
     */
    private static FileSystemException pathProblem(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        return t instanceof FileSystemException f && !(t instanceof java.nio.file.NoSuchFileException) ? f : null;
    }

    /** A whole-number option value; out of range, the message gives the range instead of "is not an int". */
    private static long whole(String s, long min, long max) {
        try {
            long v = new java.math.BigInteger(s.strip()).longValueExact();
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a whole number");
        } catch (ArithmeticException e) {
            // beyond long: out of range below
        }
        throw new CommandLine.TypeConversionException("'" + s + "' is out of range (" + min + ".." + max + ")");
    }

    /**
     * A bad option or value: one line naming it (picocli's message names the option and, for enums, the allowed
     * values) and where to look, instead of picocli's default of the message followed by the whole usage text.
     */
    private static int badParameter(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String msg = ex.getMessage().lines().findFirst().orElse("").strip();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            msg += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": error: " + msg + "; see '" + name + " --help'");
        cmd.getErr().flush();
        return 2;
    }

    /** {@code --version}: the version the pom gave the build (one place), read at run time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"jgan " + org.jgan.core.train.Provenance.JGAN_VERSION};
        }
    }
}
