package org.jgan.metrics.classifier;

import static org.jgan.engine.NativeErrors.firstLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Saves and loads a {@link ClassifierNet} as one libtorch archive: the module's parameters and batch-norm buffers,
 * plus a {@value #META} tensor holding [format, channels, height, width, classes, features] and a {@value #ACCURACY}
 * tensor with the test accuracy measured when it was trained. The shape travels with the weights so that
 * {@code --features classifier:PATH} needs nothing else.
 */
public final class ClassifierFile {
    /** Key of the metadata tensor inside the archive. */
    public static final String META = "jgan_classifier_meta";
    /** Key of the test-accuracy tensor inside the archive. */
    public static final String ACCURACY = "jgan_classifier_accuracy";
    private static final long FORMAT = 1;

    private ClassifierFile() {
    }

    /** A loaded classifier and the test accuracy recorded with it (NaN when unknown). */
    public record Loaded(ClassifierNet net, double testAccuracy) {
    }

    public static void save(ClassifierNet net, double testAccuracy, Path file) throws IOException {
        ClassifierShape s = net.shape();
        try (StepScope scope = StepScope.open()) {
            OutputArchive a = new OutputArchive();
            net.save(a);
            a.write(META, Tensors.fromLongs(new long[]{FORMAT, s.channels(), s.height(), s.width(), s.classes(),
                    ClassifierNet.FEATURES}, 6));
            a.write(ACCURACY, Tensors.fromFloats(new float[]{(float) testAccuracy}, 1));
            org.jgan.engine.ArchiveFiles.save(a, file);
        }
    }

    /** True when {@code file} is a libtorch archive written by {@link #save} (and not, say, a TorchScript module). */
    public static boolean isClassifierFile(Path file) {
        return org.jgan.engine.ArchiveFiles.holds(file, META);
    }

    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such classifier file");
        }
        return load(Files.readAllBytes(file), file.toString());
    }

    /** Loads a classifier shipped as a class-path resource (the built-in one lives inside the metrics jar). */
    public static Loaded loadResource(String resource) throws IOException {
        try (InputStream in = ClassifierFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("classifier resource " + resource + " is missing from the class path");
            }
            return load(in.readAllBytes(), resource);
        }
    }

    static Loaded load(byte[] bytes, String name) {
        // The network is built outside any StepScope: a scope would free its parameters when it closes.
        InputArchive a = new InputArchive();
        BytePointer data = new BytePointer(bytes);
        ClassifierNet net = null;
        try {
            a.load_from(data, bytes.length);
            long[] m;
            double accuracy;
            try (StepScope scope = StepScope.open()) {
                Tensor meta = new Tensor();
                if (!a.try_read(META, meta)) {
                    throw new ConfigException(name + ": not a jgan classifier (no " + META + " entry); TorchScript "
                            + "models saved by torch.jit.save are read as classifier:PATH feature extractors as well");
                }
                m = Tensors.toLongs(meta);
                Tensor acc = new Tensor();
                accuracy = a.try_read(ACCURACY, acc) ? Tensors.toDoubles(acc)[0] : Double.NaN;
            }
            if (m.length != 6 || m[0] != FORMAT || m[5] != ClassifierNet.FEATURES) {
                throw new ConfigException(name + ": classifier format " + java.util.Arrays.toString(m)
                        + " is not one this jgan reads");
            }
            net = new ClassifierNet(new ClassifierShape((int) m[1], (int) m[2], (int) m[3], (int) m[4]));
            try (StepScope scope = StepScope.open()) {
                net.load(a);
            }
            net.eval();
            return new Loaded(net, accuracy);
        } catch (RuntimeException e) {
            if (net != null) {
                net.close();
            }
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new ConfigException(name + ": cannot load the classifier (" + firstLine(e.getMessage()) + ")");
        } finally {
            a.close();
            data.close();
        }
    }
}
