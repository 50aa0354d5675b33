package org.jgan.models.mocogan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.clips.ClipBatches;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.image.ClipImages;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.TrainingData;

/**
 * Clips as MoCoGAN's training data: batches are N x C x T x H x W in [-1, 1]. The run's sample view at step N is an
 * animated GIF of the fixed clips ({@code samples/step-NNNNNN.gif}) and a strip PNG of the first eight, one clip per
 * row ({@code step-NNNNNN.png}), which the dashboard swaps for the GIF.
 */
public final class ClipData implements TrainingData {
    private static final int STRIP_ROWS = 8;
    private final ClipSource source;
    private final int limit;

    /** The first {@code limit} clips of {@code source} (all when limit is 0 or above its size). */
    public ClipData(ClipSource source, int limit) {
        this.source = source;
        this.limit = limit > 0 ? Math.min(limit, source.size()) : source.size();
    }

    /** Where the clips come from. */
    public ClipSource source() {
        return source;
    }

    @Override
    public String name() {
        return source.name() + (limit < source.size() ? "[:" + limit + "]" : "");
    }

    @Override
    public int size() {
        return limit;
    }

    @Override
    public String items() {
        return "clips";
    }

    @Override
    public DataShape shape() {
        return new DataShape(source.channels(), source.height(), source.width(), source.classNames().size());
    }

    @Override
    public Tensor batch(int[] idx) {
        return ClipBatches.clips(source, idx);
    }

    @Override
    public Tensor labels(int[] idx) {
        return ClipBatches.labels(source, idx);
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("kind", "clips");
        d.put("clips", limit);
        d.put("frames", source.frames());
        d.put("shape", new int[]{source.channels(), source.height(), source.width()});
        d.put("classes", source.classNames());
        d.put("fingerprint", fingerprint());
        return d;
    }

    /** A hash of a few clips' pixels: clips are made on demand, so hashing all of them would render them all. */
    private String fingerprint() {
        int[] idx = {0, limit / 2, limit - 1};
        int h = 17;
        byte[] px = new byte[source.clipBytes()];
        for (int i : idx) {
            source.render(i, px, 0);
            h = 31 * h + java.util.Arrays.hashCode(px);
        }
        return Integer.toHexString(h);
    }

    @Override
    public Path writeView(Tensor generated, int columns, Path samplesDir, long step) throws IOException {
        Clips clips = ClipBatches.toClips(generated, "samples", null, java.util.List.of());
        ClipImages.writeGridGif(clips, columns, samplesDir.resolve(String.format("step-%06d.gif", step)));
        Path png = samplesDir.resolve(String.format("step-%06d.png", step));
        ImageGrid.writePng(ClipImages.strip(clips, STRIP_ROWS), png);
        return png;
    }
}
