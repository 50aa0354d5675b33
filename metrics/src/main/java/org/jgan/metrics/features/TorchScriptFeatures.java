package org.jgan.metrics.features;

import static org.jgan.engine.NativeErrors.firstLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.StringIValueMap;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.engine.ForeignModules;
import org.jgan.engine.StepScope;

/**
 * Features from a TorchScript module the user provides, in one of two modes.
 *
 * <p><b>inception</b>: the InceptionV3 of pytorch-fid / clean-fid / StyleGAN2-ADA exported to TorchScript (NVIDIA's
 * {@code inception-2015-12-05.pt}, which clean-fid downloads). Images are made RGB (grayscale repeated), resized to
 * 299 x 299 with {@link PilBicubic} (clean-fid's recommended resize) and passed as float32 pixels in [0, 255];
 * forward is called with {@code return_features=True} when it accepts that argument, and must return N x 2048 pool
 * features (Heusel et al. 2017; Szegedy et al. 2016). No class probabilities, so no Inception Score or coverage.
 *
 * <p><b>classifier</b>: any TorchScript classifier taking N x C x H x W images in [-1, 1] (jgan's convention). If
 * forward returns a tuple (features, logits) both are used; if it returns one tensor, those logits are both the
 * features and, through softmax, the class probabilities.
 */
public final class TorchScriptFeatures implements FeatureExtractor {
    /** Input size of InceptionV3. */
    public static final int INCEPTION_SIZE = 299;
    private final JitModule module;
    private final boolean inception;
    private final String name;
    private final String fingerprint;
    private boolean returnFeaturesArg;
    private int dim;
    private int classes;

    private TorchScriptFeatures(JitModule module, boolean inception, String name, String fingerprint) {
        this.module = module;
        this.inception = inception;
        this.name = name;
        this.fingerprint = fingerprint;
    }

    /** Loads {@code file} for {@code --features inception:PATH} and probes its output size with one image. */
    public static TorchScriptFeatures inception(Path file) throws IOException {
        TorchScriptFeatures f = new TorchScriptFeatures(load(file), true, "inception:" + file,
                Fingerprints.ofFile(file));
        try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            Tensor probe = torch.zeros(1, 3, INCEPTION_SIZE, INCEPTION_SIZE);
            f.returnFeaturesArg = true;
            Tensor out;
            try {
                out = f.call(probe).features();
            } catch (RuntimeException e) {
                // Not NVIDIA's signature: a plain forward(x) that returns the features.
                f.returnFeaturesArg = false;
                try {
                    out = f.call(probe).features();
                } catch (RuntimeException e2) {
                    f.close();
                    throw new ConfigException(file + ": forward failed on a 1x3x299x299 image ("
                            + firstLine(e2.getMessage()) + "); expected InceptionV3 in TorchScript");
                }
            }
            f.dim = (int) out.size(1);
        }
        return f;
    }

    /** Loads {@code file} for {@code --features classifier:PATH}; the output size is learned from the first batch. */
    public static TorchScriptFeatures classifier(Path file) throws IOException {
        return new TorchScriptFeatures(load(file), false, "classifier:" + file, Fingerprints.ofFile(file));
    }

    private static JitModule load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such TorchScript file");
        }
        try {
            JitModule m = torch.load(file.toString());
            m.eval();
            return m;
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": not a TorchScript module saved with torch.jit.save ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** Feature dimension; for a classifier module, known after the first batch (0 before). */
    @Override
    public int dim() {
        return dim;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int batchSize() {
        // InceptionV3's first activations at 299 x 299 take about 3 MB per image.
        return inception ? 50 : 250;
    }

    @Override
    public void check(String input, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new DataException(input + ": images have " + channels + " channels; " + name
                    + " takes 1 (repeated to RGB) or 3");
        }
    }

    @Override
    public Output apply(Tensor pixels) {
        Tensor x = pixels;
        if (inception) {
            if (x.size(1) == 1) {
                x = x.repeat(1, 3, 1, 1);
            }
            x = PilBicubic.resize(x, INCEPTION_SIZE, INCEPTION_SIZE);
        } else {
            x = x.div(new Scalar(127.5)).sub(new Scalar(1.0));
        }
        Output out;
        try {
            out = call(x);
        } catch (RuntimeException e) {
            throw new DataException(name + " failed on " + x.size(1) + "x" + x.size(2) + "x" + x.size(3)
                    + " images: " + firstLine(e.getMessage()));
        }
        dim = (int) out.features().size(1);
        classes = out.probs() == null ? 0 : (int) out.probs().size(1);
        return out;
    }

    private Output call(Tensor x) {
        IValueVector args = new IValueVector(new IValue(x));
        IValue r;
        try (ForeignModules g = ForeignModules.open()) { // features only: no backward pass follows
            if (inception && returnFeaturesArg) {
                StringIValueMap kwargs = new StringIValueMap();
                kwargs.put(new org.bytedeco.javacpp.BytePointer("return_features"), new IValue(true));
                r = module.forward(args, kwargs);
            } else {
                r = module.forward(args);
            }
        }
        if (r.isTensor()) {
            Tensor t = r.toTensor().flatten(1, -1);
            return inception ? new Output(t, null) : new Output(t, torch.softmax(t, 1));
        }
        if (!inception && r.isTuple() && r.toTuple().size() == 2) {
            Tensor f = r.toTuple().elements().get(0).toTensor().flatten(1, -1);
            Tensor logits = r.toTuple().elements().get(1).toTensor();
            return new Output(f, torch.softmax(logits, 1));
        }
        throw new ConfigException(name + ": forward must return a tensor" + (inception ? "" : " or a tuple "
                + "(features, logits)"));
    }

    @Override
    public void close() {
        module.close();
    }
}
