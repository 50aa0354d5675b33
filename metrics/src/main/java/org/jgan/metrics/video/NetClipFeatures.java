package org.jgan.metrics.video;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.metrics.features.Fingerprints;

/**
 * {@link ClipFeatures} from a jgan {@link VideoFeatureNet}: its class and direction logits, as FVD takes the 400
 * Kinetics logits of I3D (Unterthiner et al. 2018): the values the network was trained to make meaningful, and few of
 * them (18), so a covariance needs few clips.
 */
final class NetClipFeatures implements ClipFeatures {
    private final VideoFeatureFile.Loaded loaded;
    private final String name;
    private final String fingerprint;

    NetClipFeatures(VideoFeatureFile.Loaded loaded, String name, String fingerprint) {
        this.loaded = loaded;
        this.name = name;
        this.fingerprint = fingerprint;
    }

    static NetClipFeatures builtin() throws IOException {
        return new NetClipFeatures(VideoFeatureFile.loadResource(BUILTIN_RESOURCE), "video:builtin",
                Fingerprints.ofResource(BUILTIN_RESOURCE));
    }

    static NetClipFeatures load(Path file) throws IOException {
        return new NetClipFeatures(VideoFeatureFile.load(file), "video:" + file, Fingerprints.ofFile(file));
    }

    /** The network, with the held-out accuracies recorded when it was trained. */
    VideoFeatureFile.Loaded loaded() {
        return loaded;
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
        VideoNetShape s = loaded.net().shape();
        return s.classes() + s.directions();
    }

    @Override
    public void check(String input, int channels, int frames, int height, int width) {
        VideoNetShape s = loaded.net().shape();
        if (channels != s.channels() || frames != s.frames() || height != s.height() || width != s.width()) {
            throw new DataException(input + ": clips are " + channels + "x" + frames + "x" + height + "x" + width
                    + " (channels x frames x height x width) but the " + name + " video features were trained on "
                    + s.clipShape() + " clips; other clips need a video network trained on them (a jgan video "
                    + "feature file or a TorchScript module)");
        }
    }

    @Override
    public Tensor apply(Tensor clips) {
        return loaded.net().logits(clips);
    }

    @Override
    public void close() {
        loaded.net().close();
    }
}
