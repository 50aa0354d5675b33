package org.jgan.models.cyclegan;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.Tensors;

/**
 * The history of generated images CycleGAN's discriminators learn from (Shrivastava et al. 2017; Zhu et al. 2017,
 * section 4): until it is full, each new image is stored and passed on; afterwards each new image is, with probability
 * 1/2, passed on, or else swapped for a random stored one, which D then sees instead. D thus keeps meeting the
 * generator's older mistakes and oscillates less.
 *
 * <p>A long-lived holder of native memory: the images live in one registered buffer of capacity x C x H x W (plus a
 * count), owned by the run's {@link org.jgan.core.train.Players} under a name in no optimizer group. Being buffers of a
 * module, they are saved in every checkpoint and restored on resume, so a resumed run sees the same pool. It is not a
 * network: {@link #forward} is unsupported; phases call {@link #query}.
 */
public final class HistoryPool extends GanNet {
    private final int capacity;
    private final Tensor images;
    private final Tensor count;

    public HistoryPool(int capacity, long channels, long height, long width) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a history pool needs a capacity of at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // Our own handles: register_buffer's returned references dangle when more buffers are registered.
        this.images = torch.zeros(capacity, channels, height, width);
        this.count = torch.zeros(new long[]{1}, new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Long));
        register_buffer("images", images);
        register_buffer("count", count);
    }

    /** The most images the pool holds (not Pointer.capacity(), which is JavaCPP's). */
    public int slots() {
        return capacity;
    }

    /** Images stored so far (at most {@link #slots()}). */
    public int stored() {
        return (int) count.item_long();
    }

    /**
     * The batch D should see for {@code fakes} (detached, N x C x H x W), updating the pool; all random choices are
     * drawn from {@code rng}, the step's generator, so a resumed run draws the same.
     */
    public Tensor query(Tensor fakes, GeneratorOptional rng) {
        long n = fakes.size(0);
        float[] u = Tensors.toFloats(torch.rand(new long[]{2 * n}, rng));
        TensorVector out = new TensorVector();
        try (NoGradGuard g = new NoGradGuard()) {
            int stored = stored();
            for (int i = 0; i < n; i++) {
                Tensor img = fakes.narrow(0, i, 1).detach();
                if (stored < capacity) {
                    images.narrow(0, stored, 1).copy_(img);
                    stored++;
                    out.push_back(img);
                } else if (u[2 * i] > 0.5f) {
                    int j = Math.min(capacity - 1, (int) (u[2 * i + 1] * capacity));
                    Tensor slot = images.narrow(0, j, 1);
                    out.push_back(slot.clone());
                    slot.copy_(img);
                } else {
                    out.push_back(img);
                }
            }
            count.fill_(new org.bytedeco.pytorch.Scalar((long) stored));
        }
        return torch.cat(out, 0);
    }

    @Override
    public Tensor forward(Tensor input, Tensor labels) {
        throw new UnsupportedOperationException("a history pool is not a network; call query(fakes, rng)");
    }
}
