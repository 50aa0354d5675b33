package org.jgan.metrics.video;

import static org.jgan.engine.NativeErrors.firstLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.engine.ForeignModules;
import org.jgan.metrics.features.Fingerprints;

/**
 * {@link ClipFeatures} from a TorchScript module the user provides (an I3D exported with {@code torch.jit.save}, say):
 * forward takes float32 N x C x T x H x W clips in [-1, 1] and returns N x D features (any trailing dimensions are
 * flattened). The module does its own resizing or channel repetition; jgan hands it the clips as they are.
 */
final class TorchScriptClipFeatures implements ClipFeatures {
    private final JitModule module;
    private final String name;
    private final String fingerprint;
    private int dim;

    private TorchScriptClipFeatures(JitModule module, String name, String fingerprint) {
        this.module = module;
        this.name = name;
        this.fingerprint = fingerprint;
    }

    static TorchScriptClipFeatures load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such video feature network file");
        }
        JitModule m;
        try {
            m = torch.load(file.toString());
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": neither a jgan video feature network nor a TorchScript module saved "
                    + "with torch.jit.save (" + firstLine(e.getMessage()) + ")");
        }
        m.eval();
        return new TorchScriptClipFeatures(m, "video:" + file, Fingerprints.ofFile(file));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void check(String input, int channels, int frames, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new DataException(input + ": clips have " + channels + " channels; " + name + " takes 1 or 3");
        }
    }

    @Override
    public Tensor apply(Tensor clips) {
        IValue r;
        try (ForeignModules g = ForeignModules.open()) { // features only: no backward pass follows
            r = module.forward(new IValueVector(new IValue(clips)));
        } catch (RuntimeException e) {
            throw new DataException(name + " failed on clips of " + clips.size(1) + "x" + clips.size(2) + "x"
                    + clips.size(3) + "x" + clips.size(4) + " (channels x frames x height x width): "
                    + firstLine(e.getMessage()));
        }
        if (!r.isTensor()) {
            throw new ConfigException(name + ": forward must return one N x D tensor of features");
        }
        Tensor f = r.toTensor();
        if (f.dim() < 2 || f.size(0) != clips.size(0)) {
            throw new ConfigException(name + ": forward returned a tensor of " + f.dim() + " dimensions for "
                    + clips.size(0) + " clips; it must return N x D features");
        }
        f = f.flatten(1, -1);
        dim = (int) f.size(1);
        return f;
    }

    @Override
    public void close() {
        module.close();
    }
}
