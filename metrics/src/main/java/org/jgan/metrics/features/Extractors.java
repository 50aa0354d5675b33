package org.jgan.metrics.features;

import java.io.IOException;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.metrics.classifier.ClassifierFile;

/** Opens a feature extractor from its spec ({@code classifier:builtin}, {@code inception:PATH}, ...). */
public final class Extractors {
    /** The spec of the built-in Fashion-MNIST classifier, the default. */
    public static final String BUILTIN = "classifier:builtin";

    private Extractors() {
    }

    /**
     * {@code classifier:builtin} (or null): the built-in Fashion-MNIST classifier; {@code inception:PATH}: InceptionV3
     * in TorchScript; {@code classifier:PATH}: a classifier saved by {@code jgan classifier train} or any
     * TorchScript classifier.
     */
    public static FeatureExtractor open(String spec) throws IOException {
        if (spec == null || spec.equals(BUILTIN) || spec.equals("builtin") || spec.equals("classifier")) {
            return ClassifierFeatures.builtin();
        }
        if (spec.startsWith("inception:") && spec.length() > "inception:".length()) {
            return TorchScriptFeatures.inception(Path.of(spec.substring("inception:".length())));
        }
        if (spec.startsWith("classifier:") && spec.length() > "classifier:".length()) {
            Path p = Path.of(spec.substring("classifier:".length()));
            if (!p.toFile().isFile()) {
                throw new ConfigException("feature extractor " + spec + ": " + p + " is not a file");
            }
            return ClassifierFile.isClassifierFile(p) ? ClassifierFeatures.load(p) : TorchScriptFeatures.classifier(p);
        }
        throw new ConfigException("unknown feature extractor " + spec + ": expected classifier:builtin (the "
                + "default, for 28x28 grayscale), inception:PATH (InceptionV3 TorchScript, for RGB) or "
                + "classifier:PATH");
    }
}
