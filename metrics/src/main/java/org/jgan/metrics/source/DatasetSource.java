package org.jgan.metrics.source;

import org.jgan.core.data.ImageDataset;

/** Images of a loaded data set, all of them or its first {@code limit}. */
public final class DatasetSource implements ImageSource {
    private final ImageDataset data;
    private final int count;
    private int pos;

    public DatasetSource(ImageDataset data) {
        this(data, data.size());
    }

    public DatasetSource(ImageDataset data, int limit) {
        this.data = data;
        this.count = Math.min(limit, data.size());
    }

    @Override
    public String name() {
        return count < data.size() ? data.name() + "[:" + count + "]" : data.name();
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int channels() {
        return data.channels();
    }

    @Override
    public int height() {
        return data.height();
    }

    @Override
    public int width() {
        return data.width();
    }

    @Override
    public byte[] next(int n) {
        int per = data.imageBytes();
        byte[] out = java.util.Arrays.copyOfRange(data.pixels(), pos * per, (pos + n) * per);
        pos += n;
        return out;
    }
}
