package org.jgan.metrics.classifier;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Seeds;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Trains a {@link ClassifierNet} on a labelled data set: Adam (lr 1e-3, cosine decay to 0), cross-entropy, random
 * shifts of up to 2 pixels and horizontal flips. Everything random (initial weights, data order, augmentation) is
 * drawn from the seed, so the same seed, data and thread count give the same weights.
 *
 * @param epochs passes over the training data
 * @param batch  batch size
 * @param lr     peak learning rate
 * @param seed   root seed
 */
public record ClassifierTraining(int epochs, int batch, double lr, long seed) {
    /** The settings that produced the built-in Fashion-MNIST classifier. */
    public static ClassifierTraining defaults() {
        return new ClassifierTraining(12, 128, 1e-3, 1);
    }

    public ClassifierTraining {
        if (epochs < 1 || batch < 2 || !(lr > 0) || !Double.isFinite(lr)) {
            throw new ConfigException("classifier training: epochs >= 1, batch >= 2 and a finite lr > 0 are required, "
                    + "got "
                    + epochs + ", " + batch + ", " + lr);
        }
    }

    /** Trains on {@code train}, reporting one line per epoch (with accuracy on {@code test}); returns the network. */
    public ClassifierNet train(ImageDataset train, ImageDataset test, Consumer<String> log) {
        return train(train, null, test, log);
    }

    /**
     * As {@link #train(ImageDataset, ImageDataset, Consumer)}, with {@code extra} (may be null) mixed into every
     * batch. The main set's batches, order and augmentation are the same as without it.
     */
    public ClassifierNet train(ImageDataset train, ExtraData extra, ImageDataset test, Consumer<String> log) {
        if (!train.labelled() || train.numClasses() < 2) {
            throw new DataException(train.name() + ": the classifier needs labelled images (IDX labels or one "
                    + "sub-folder per class)");
        }
        if (extra != null && (extra.data().numClasses() != train.numClasses()
                || extra.data().imageBytes() != train.imageBytes())) {
            throw new DataException(extra.data().name() + " (" + extra.data().numClasses() + " classes) does not "
                    + "match " + train.name() + " (" + train.numClasses() + " classes) in classes or image size");
        }
        torch.manual_seed(Seeds.derive(seed, "classifier-init", 0));
        ClassifierNet net = new ClassifierNet(new ClassifierShape(train.channels(), train.height(), train.width(),
                train.numClasses()));
        Adam opt = Optimizers.adam(net.parameters(true), lr, 0.9, 0.999);
        try {
            Batches batches = new Batches(train, batch, true, Seeds.derive(seed, "classifier-data", 0));
            ExtraBatches more = extra == null ? null
                    : new ExtraBatches(extra, Seeds.derive(seed, "classifier-extra", 0));
            long total = (long) epochs * batches.batchesPerEpoch();
            long step = 0;
            for (int e = 0; e < epochs; e++) {
                int[] order = batches.order(e);
                SplittableRandom aug = new SplittableRandom(Seeds.derive(seed, "classifier-augment", e));
                double lossSum = 0;
                long t0 = System.nanoTime();
                net.train(true);
                for (int b = 0; b < batches.batchesPerEpoch(); b++, step++) {
                    Optimizers.setLr(opt, lr * 0.5 * (1 + Math.cos(Math.PI * step / total)));
                    try (StepScope scope = StepScope.open()) {
                        int[] idx = batches.indices(order, b);
                        Tensor x = augmented(train, idx, aug);
                        Tensor loss = more == null
                                ? torch.cross_entropy_loss(net.forward(x), Batches.labels(train, idx))
                                : more.loss(net, x, Batches.labels(train, idx));
                        opt.zero_grad(true);
                        loss.backward();
                        opt.step();
                        lossSum += loss.item_double();
                    }
                }
                double acc = test == null ? Double.NaN : accuracy(net, test);
                log.accept(String.format("epoch %d/%d  loss %.4f  test accuracy %.4f  (%.0f s)", e + 1, epochs,
                        lossSum / batches.batchesPerEpoch(), acc, (System.nanoTime() - t0) / 1e9));
            }
            net.eval();
            return net;
        } catch (RuntimeException ex) {
            net.close();
            throw ex;
        } finally {
            opt.close();
        }
    }

    /** Fraction of {@code data} that {@code net} labels correctly (eval mode, batches of 500). */
    public static double accuracy(ClassifierNet net, ImageDataset data) {
        return ConfusionMatrix.of(net, data).accuracy();
    }

    /** The images at {@code idx}, each shifted by up to 2 pixels (zero fill) and flipped left-right half the time. */
    static Tensor augmented(ImageDataset data, int[] idx, SplittableRandom rng) {
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        int per = data.imageBytes();
        float[] out = new float[idx.length * per];
        java.util.Arrays.fill(out, -1f);
        byte[] px = data.pixels();
        for (int i = 0; i < idx.length; i++) {
            int dy = rng.nextInt(5) - 2;
            int dx = rng.nextInt(5) - 2;
            boolean flip = rng.nextBoolean();
            for (int ch = 0; ch < c; ch++) {
                int src = idx[i] * per + ch * h * w;
                int dst = i * per + ch * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    if (sy < 0 || sy >= h) {
                        continue;
                    }
                    for (int x = 0; x < w; x++) {
                        int sx = (flip ? w - 1 - x : x) + dx;
                        if (sx >= 0 && sx < w) {
                            out[dst + y * w + x] = (px[src + sy * w + sx] & 0xff) / 127.5f - 1f;
                        }
                    }
                }
            }
        }
        return Tensors.fromFloats(out, idx.length, c, h, w);
    }
}
