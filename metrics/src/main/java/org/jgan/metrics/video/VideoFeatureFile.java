package org.jgan.metrics.video;

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
import org.jgan.engine.ArchiveFiles;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Saves and loads a {@link VideoFeatureNet} as one libtorch archive: parameters and batch-norm buffers, a
 * {@value #META} tensor [format, channels, frames, height, width, classes, directions, features] and a
 * {@value #ACCURACY} tensor [class accuracy, direction accuracy] measured on held-out clips when it was trained. The
 * shape travels with the weights, so a file needs nothing else to be used (as the image classifier's file does).
 */
public final class VideoFeatureFile {
    /** Key of the metadata tensor inside the archive. */
    public static final String META = "jgan_video_features_meta";
    /** Key of the accuracy tensor inside the archive. */
    public static final String ACCURACY = "jgan_video_features_accuracy";
    private static final long FORMAT = 1;

    private VideoFeatureFile() {
    }

    /** A loaded network and the held-out accuracies recorded with it (NaN when unknown). */
    public record Loaded(VideoFeatureNet net, double classAccuracy, double directionAccuracy) {
    }

    public static void save(VideoFeatureNet net, double classAccuracy, double directionAccuracy, Path file)
            throws IOException {
        VideoNetShape s = net.shape();
        try (StepScope scope = StepScope.open()) {
            OutputArchive a = new OutputArchive();
            net.save(a);
            a.write(META, Tensors.fromLongs(new long[]{FORMAT, s.channels(), s.frames(), s.height(), s.width(),
                    s.classes(), s.directions(), VideoFeatureNet.FEATURES}, 8));
            a.write(ACCURACY, Tensors.fromFloats(new float[]{(float) classAccuracy, (float) directionAccuracy}, 2));
            ArchiveFiles.save(a, file);
        }
    }

    /** True when {@code file} was written by {@link #save} (and is not, say, a TorchScript module). */
    public static boolean isVideoFeatureFile(Path file) {
        return org.jgan.engine.ArchiveFiles.holds(file, META);
    }

    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such video feature network file");
        }
        return load(Files.readAllBytes(file), file.toString());
    }

    /** Loads a network shipped as a class-path resource (the built-in one lives inside the metrics jar). */
    public static Loaded loadResource(String resource) throws IOException {
        try (InputStream in = VideoFeatureFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("video feature network resource " + resource + " is missing from the class "
                        + "path");
            }
            return load(in.readAllBytes(), resource);
        }
    }

    static Loaded load(byte[] bytes, String name) {
        // The network is built outside any StepScope: a scope would free its parameters when it closes.
        InputArchive a = new InputArchive();
        BytePointer data = new BytePointer(bytes);
        VideoFeatureNet net = null;
        try {
            a.load_from(data, bytes.length);
            long[] m;
            double[] acc;
            try (StepScope scope = StepScope.open()) {
                Tensor meta = new Tensor();
                if (!a.try_read(META, meta)) {
                    throw new ConfigException(name + ": not a jgan video feature network (no " + META + " entry); "
                            + "TorchScript video networks are read as such when the file is not one");
                }
                m = Tensors.toLongs(meta);
                Tensor t = new Tensor();
                acc = a.try_read(ACCURACY, t) ? Tensors.toDoubles(t) : new double[]{Double.NaN, Double.NaN};
            }
            if (m.length != 8 || m[0] != FORMAT || m[7] != VideoFeatureNet.FEATURES) {
                throw new ConfigException(name + ": video feature network format " + java.util.Arrays.toString(m)
                        + " is not one this jgan reads");
            }
            net = new VideoFeatureNet(new VideoNetShape((int) m[1], (int) m[2], (int) m[3], (int) m[4], (int) m[5],
                    (int) m[6]));
            try (StepScope scope = StepScope.open()) {
                net.load(a);
            }
            net.eval();
            return new Loaded(net, acc[0], acc[1]);
        } catch (RuntimeException e) {
            if (net != null) {
                net.close();
            }
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new ConfigException(name + ": cannot load the video feature network (" + firstLine(e.getMessage())
                    + ")");
        } finally {
            a.close();
            data.close();
        }
    }
}
