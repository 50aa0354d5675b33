package org.jgan.engine;

import org.bytedeco.pytorch.Context;
import org.bytedeco.pytorch.global.torch;

/**
 * Keeps oneDNN off while a network jgan did not build runs (a user's TorchScript file: InceptionV3 for FID, an SRGAN
 * feature network, an I3D), on CPUs where oneDNN's convolutions are wrong (docs/engine.md, "Correct on every CPU").
 *
 * <p>Why: jgan's own layers go through {@link Convolutions}, which routes each configuration around oneDNN's bug; a
 * TorchScript module calls libtorch's convolutions directly, in whatever layout and channel counts it was saved with,
 * so on such a CPU its backward pass (SRGAN's feature loss) and its transposed convolutions can come out wrong or NaN.
 * libtorch without oneDNN is exact there, at about half the speed; where the canary configurations pass (an Intel
 * Xeon of family 6, model 207 passed every one), nothing changes. Open one around every call of such a module, and
 * hold it for as long as gradients will flow back through the module (libtorch picks a convolution's backward kernel
 * when the backward pass runs). Guards nest; the setting a user had before the first comes back after the last.
 */
public final class ForeignModules implements AutoCloseable {
    private static int open;
    private static boolean before;
    private boolean closed;

    private ForeignModules() {
    }

    /** Turns oneDNN off for the process if this CPU shows the bug and no other guard has; close to undo. */
    public static synchronized ForeignModules open() {
        if (open++ == 0) {
            Context c = torch.globalContext();
            before = c.userEnabledMkldnn();
            if (before && !trusted()) {
                c.setUserEnabledMkldnn(false);
            }
        }
        return new ForeignModules();
    }

    /** Whether oneDNN's convolutions are trusted on this CPU: the canary configurations pass at this thread count. */
    public static boolean trusted() {
        return OneDnnCanary.result().ok();
    }

    @Override
    public void close() {
        synchronized (ForeignModules.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--open == 0) {
                torch.globalContext().setUserEnabledMkldnn(before);
            }
        }
    }
}
