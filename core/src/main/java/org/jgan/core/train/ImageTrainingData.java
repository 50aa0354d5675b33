package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.Batches;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.image.ImageGrid;

/** Images as {@link TrainingData}: batches scaled to [-1, 1], sample views as PNG grids. */
record ImageTrainingData(ImageDataset data) implements TrainingData {
    @Override
    public String name() {
        return data.name();
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public DataShape shape() {
        return DataShape.of(data);
    }

    @Override
    public Tensor batch(int[] idx) {
        return Batches.images(data, idx);
    }

    @Override
    public Tensor labels(int[] idx) {
        return Batches.labels(data, idx);
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("images", data.size());
        d.put("shape", new int[]{data.channels(), data.height(), data.width()});
        d.put("classes", data.classNames());
        d.put("fingerprint", data.fingerprint());
        if (data.pairing() != null) {
            d.put("pairing", data.pairing());
        }
        return d;
    }

    @Override
    public ImageDataset images() {
        return data;
    }

    @Override
    public Path writeView(Tensor generated, int columns, Path samplesDir, long step) throws IOException {
        Path png = samplesDir.resolve(String.format("step-%06d.png", step));
        ImageGrid.writePng(ImageGrid.grid(generated, columns), png);
        return png;
    }
}
