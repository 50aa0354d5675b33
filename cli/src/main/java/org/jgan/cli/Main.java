package org.jgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.train.TrainingDivergedException;
import org.jgan.metrics.classifier.ClassifierFeatureNet;
import org.jgan.models.srgan.FeatureNets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code jgan} command line. */
@Command(name = "jgan", mixinStandardHelpOptions = true, version = "jgan 0.1.0",
        description = "Train, sample and evaluate generative adversarial networks on the JVM (libtorch inside).",
        subcommands = {TrainCommand.class, SampleCommand.class, BenchCommand.class, DoctorCommand.class,
                DashboardCommand.class, ReportCommand.class,
                ClassifierCommand.class, StatsCommand.class, FidCommand.class, EvalCommand.class, AugmentCommand.class, AugmentEvalCommand.class,
                TranslateCommand.class, UpscaleCommand.class,
                StyleMixCommand.class, InterpolateCommand.class, ProjectCommand.class, StyleGan2BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static {
        // models cannot depend on metrics, so the command line, which sees both, names the built-in classifier.
        FeatureNets.register(ClassifierFeatureNet.BUILTIN,
                s -> ClassifierFeatureNet.builtin(s.channels(), s.height(), s.width()));
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

    /** Runs the CLI with the given streams and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // --verbose is inherited: after a subcommand name it is matched there, not on the top-level result.
            boolean verbose = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                verbose |= p.hasMatchedOption("--verbose");
            }
            boolean userError = ex instanceof DataException || ex instanceof ConfigException
                    || ex instanceof IllegalArgumentException;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (ex instanceof IOException && !(ex instanceof java.nio.file.NoSuchFileException)) {
                msg = "I/O error: " + msg;
            } else if (ex instanceof java.nio.file.NoSuchFileException) {
                msg = msg + ": no such file";
                userError = true;
            } else if (ex instanceof TrainingDivergedException) {
                msg = "training diverged: " + msg;
            }
            cmd.getErr().println("jgan " + cmd.getCommandName() + ": error: " + msg);
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
}
