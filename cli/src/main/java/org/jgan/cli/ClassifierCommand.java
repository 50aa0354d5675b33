package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.Torch;
import org.jgan.metrics.classifier.ClassifierFile;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ClassifierTraining;
import org.jgan.metrics.classifier.ConfusionMatrix;
import org.jgan.metrics.eval.References;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan classifier train|test}: the CNN whose features jgan's metrics use for 28x28 grayscale data. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Train or test the CNN classifier used as the feature extractor for grayscale data.",
        subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Test.class})
public final class ClassifierCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code jgan classifier train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train the classifier on a labelled data set and save it (weights + shape + accuracy).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "fashion-mnist",
                description = "Labelled training data (default: ${DEFAULT-VALUE}).")
        String data;

        @Option(names = "--test", description = "Labelled test data (default: the test split of --data).")
        String test;

        @Option(names = "--out", required = true, description = "Classifier file to write.")
        Path out;

        @Option(names = "--epochs", description = "Epochs (default: 12).")
        Integer epochs;

        @Option(names = "--batch", description = "Batch size (default: 128).")
        Integer batch;

        @Option(names = "--lr", description = "Peak Adam learning rate (default: 1e-3).")
        Double lr;

        @Option(names = "--seed", description = "Seed (default: 1).")
        Long seed;

        @Option(names = "--threads", description = "libtorch threads (default: JGAN_THREADS or all cores); the "
                + "weights are reproducible for a given seed and thread count.")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            Torch.init(threads != null ? threads : Torch.defaultThreads());
            ClassifierTraining d = ClassifierTraining.defaults();
            ClassifierTraining t = new ClassifierTraining(epochs != null ? epochs : d.epochs(),
                    batch != null ? batch : d.batch(), lr != null ? lr : d.lr(), seed != null ? seed : d.seed());
            ImageDataset train = DataSources.open(data);
            String testSpec = test != null ? test : References.testSplitOf(data);
            ImageDataset testData = testSpec != null ? DataSources.open(testSpec) : null;
            System.err.printf("training the classifier on %s (%d images), %s, epochs %d, batch %d, lr %s, seed %d, "
                    + "%d threads%n", train.name(), train.size(), testSpec != null ? "testing on " + testSpec
                    : "no test split (give --test)", t.epochs(), t.batch(), t.lr(), t.seed(), Torch.threads());
            try (ClassifierNet net = t.train(train, testData, System.err::println)) {
                double acc = testData != null ? ClassifierTraining.accuracy(net, testData) : Double.NaN;
                ClassifierFile.save(net, acc, out);
                System.out.println("classifier: " + out + (testData != null
                        ? String.format("  test accuracy %.4f on %s", acc, testSpec) : "  (not tested)"));
            }
            return 0;
        }
    }

    /** {@code jgan classifier test}. */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Measure a classifier's accuracy.")
    static final class Test implements Callable<Integer> {
        @Option(names = "--classifier", description = "Classifier file (default: the built-in one).")
        Path classifier;

        @Option(names = "--data", defaultValue = "fashion-mnist:test",
                description = "Labelled data (default: ${DEFAULT-VALUE}): a data set name or any folder --data "
                        + "takes, e.g. the IDX folder that translate or upscale --idx writes, whose labels say "
                        + "the class each output should have.")
        String data;

        @Option(names = "--by-class", description = "Also print the confusion matrix: per label, how many images "
                + "went to each class.")
        boolean byClass;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Torch.init();
            ClassifierFile.Loaded c = classifier != null ? ClassifierFile.load(classifier)
                    : ClassifierFile.loadResource(org.jgan.metrics.features.ClassifierFeatures.BUILTIN_RESOURCE);
            ImageDataset d = DataSources.open(data);
            try (ClassifierNet net = c.net()) {
                ConfusionMatrix m = ConfusionMatrix.of(net, d);
                var out = spec.commandLine().getOut();
                out.printf("accuracy %.4f on %s, %d images (recorded at training: %.4f)%n", m.accuracy(), data,
                        m.total(), c.testAccuracy());
                if (byClass) {
                    out.print(m.format(d.classNames()));
                }
                out.flush();
            }
            return 0;
        }
    }
}
