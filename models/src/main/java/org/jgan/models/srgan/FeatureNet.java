package org.jgan.models.srgan;

import static org.jgan.engine.NativeErrors.firstLine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.ForeignModules;

/**
 * The fixed feature network of SRGAN's content loss (Ledig et al. 2017 use VGG19's conv5_4; Johnson et al. 2016): a
 * TorchScript module the user provides, taking N x C x H x W images in [-1, 1] and returning features, or a tuple
 * whose first element is the features (the (features, logits) convention of jgan's TorchScript classifiers). Its
 * weights are frozen and it stays in eval mode; gradients flow through it to the generator's output only.
 *
 * <p>Held by the run's {@link org.jgan.core.train.Players} under the name "F" in no optimizer group, so it lives and
 * is freed with the other networks; its checkpoint entry is empty (the weights stay in the user's file).
 */
public final class FeatureNet extends GanNet {
    private final JitModule module;
    private final Path file;
    /** Held for the network's life: G's loss runs backward through it after every forward pass. */
    private final ForeignModules guard = ForeignModules.open();

    private FeatureNet(JitModule module, Path file) {
        this.module = module;
        this.file = file;
    }

    /** Loads {@code file}; a ConfigException naming it when it is missing or not TorchScript. */
    public static FeatureNet load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("i2i.featureNet: " + file + ": no such file (give the path of a TorchScript "
                    + "module, or none)");
        }
        JitModule m;
        try {
            m = torch.load(file.toString());
        } catch (RuntimeException e) {
            throw new ConfigException("i2i.featureNet: " + file + ": not a TorchScript module saved with "
                    + "torch.jit.save (" + firstLine(e.getMessage()) + ")");
        }
        m.eval();
        var params = m.parameters(true);
        for (var it = params.begin(); it.notEquals(params.end()); it.increment()) {
            it.multiply().set_requires_grad(false);
        }
        return new FeatureNet(m, file);
    }

    public Path file() {
        return file;
    }

    /** The features of {@code images}; differentiable with respect to the images. */
    @Override
    public Tensor forward(Tensor images, Tensor labels) {
        IValue r;
        try {
            r = module.forward(new IValueVector(new IValue(images)));
        } catch (RuntimeException e) {
            throw new ConfigException("i2i.featureNet: " + file + ": forward failed on " + images.size(1) + "x"
                    + images.size(2) + "x" + images.size(3) + " images (" + firstLine(e.getMessage()) + ")");
        }
        if (r.isTensor()) {
            return r.toTensor();
        }
        if (r.isTuple() && r.toTuple().size() >= 1 && r.toTuple().elements().get(0).isTensor()) {
            return r.toTuple().elements().get(0).toTensor();
        }
        throw new ConfigException("i2i.featureNet: " + file + ": forward must return a tensor or a tuple starting "
                + "with one");
    }

    @Override
    public void close() {
        guard.close();
        module.close();
        super.close();
    }
}
