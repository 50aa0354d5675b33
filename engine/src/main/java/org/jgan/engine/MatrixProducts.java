package org.jgan.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Large matrix products spread over the intra-op threads by rows. libtorch hands a product to OpenBLAS, which jgan
 * keeps at one thread ({@link Torch}: OpenBLAS threads started inside libtorch's own threads oversubscribe the
 * cores), so a product made outside any network, such as precision/recall's distances or KID's kernels, ran on one
 * core whatever the thread count. Here each of {@link Torch#threads()} Java threads writes its own rows of one output
 * with a single-threaded OpenBLAS call. Measured on a 2-core Zen 5 EPYC: 1000 x 128 by 128 x 10,000 in 15.5 ms
 * against 29.5 ms unsplit (docs/engine.md#matrix-products).
 *
 * <p>The result is the same from call to call at a given thread count; it is not bitwise that of one unsplit product
 * (OpenBLAS blocks by the row count), as other libtorch results are not bitwise the same across thread counts.
 */
public final class MatrixProducts {
    /** Below this many multiply-adds a product stays on the calling thread: handing rows over costs tens of us. */
    static final long MIN_SPLIT_WORK = 1L << 24;

    /** Daemon threads, made as needed and ended after a minute idle, so a library user never shuts anything down. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jgan-matrix-products");
        t.setDaemon(true);
        return t;
    });

    private MatrixProducts() {
    }

    /** {@code a b}, in the current scope. */
    public static Tensor mm(Tensor a, Tensor b) {
        return product(null, a, b, 1.0);
    }

    /**
     * {@code bias + alpha a b}, in the current scope, with {@code bias} broadcast along the rows (one element, or one
     * row of {@code b}'s column count).
     */
    public static Tensor addmm(Tensor bias, Tensor a, Tensor b, double alpha) {
        if (bias.dim() > 1 && bias.size(0) != 1) {
            throw new IllegalArgumentException("the bias must be one row to be shared by every row of the product, got "
                    + bias.size(0) + " rows");
        }
        return product(bias, a, b, alpha);
    }

    private static Tensor product(Tensor bias, Tensor a, Tensor b, double alpha) {
        long rows = a.size(0);
        int parts = parts(rows, a.size(1), b.size(1));
        if (parts == 1) {
            return bias == null ? scaled(torch.mm(a, b), alpha)
                    : torch.addmm(bias, a, b, new Scalar(1.0), new Scalar(alpha));
        }
        Tensor out = a.new_empty(rows, b.size(1));
        List<Future<?>> others = new ArrayList<>(parts - 1);
        long from = 0;
        for (int p = 0; p < parts; p++) {
            long n = rows / parts + (p < rows % parts ? 1 : 0);
            // Views made on the calling thread, in its scope: they live until every part is done.
            Tensor o = out.narrow(0, from, n);
            Tensor x = a.narrow(0, from, n);
            Runnable part = () -> {
                // the scalars a part makes are freed here, not left to the garbage collector
                try (StepScope s = StepScope.open()) {
                    if (bias == null) {
                        scaled(torch.mm_out(o, x, b), alpha);
                    } else {
                        torch.addmm_out(o, bias, x, b, new Scalar(1.0), new Scalar(alpha));
                    }
                }
            };
            if (p == parts - 1) {
                try {
                    part.run(); // the calling thread takes the last rows itself
                } finally {
                    // every part is waited for even when this one failed: they write through views of this scope
                    awaitAll(others);
                }
            } else {
                others.add(POOL.submit(part));
            }
            from += n;
        }
        return out;
    }

    /** How many threads share a rows x inner by inner x cols product. */
    static int parts(long rows, long inner, long cols) {
        return rows * inner * cols < MIN_SPLIT_WORK ? 1 : (int) Math.min(Math.max(1, Torch.threads()), rows);
    }

    private static Tensor scaled(Tensor t, double alpha) {
        return alpha == 1.0 ? t : t.mul_(new Scalar(alpha));
    }

    private static void awaitAll(List<Future<?>> parts) {
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<?> f : parts) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the part still writes into memory this thread owns
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
