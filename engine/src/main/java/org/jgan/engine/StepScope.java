package org.jgan.engine;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * The native-memory scope of one step: every tensor, vector and option object created on this thread while the scope
 * is open is freed when it closes, unless handed out with {@link #keep}. libtorch memory is not garbage-collected, so
 * without a scope per step a training run grows without bound (docs/engine.md, pitfall 5).
 */
public final class StepScope implements AutoCloseable {
    private final PointerScope scope;

    private StepScope() {
        this.scope = new PointerScope();
    }

    /** Opens a scope on the current thread. Use with try-with-resources. */
    public static StepScope open() {
        // Every tensor is made inside some scope, so opening one is where libtorch gets loaded on first use.
        Torch.ensureLoaded();
        return new StepScope();
    }

    /**
     * Lets {@code p} outlive this scope; it then belongs to the caller, who must close it (or to an enclosing scope,
     * if there is one).
     */
    public <P extends Pointer> P keep(P p) {
        // detach() releases the scope's reference; take one first so p is not freed on the spot.
        p.retainReference();
        scope.detach(p);
        PointerScope outer = enclosing();
        if (outer != null) {
            // Hand our one reference to the enclosing scope. A caller that also closes p is harmless: a freed
            // pointer ignores further releases.
            outer.attach(p);
            p.releaseReference();
        }
        return p;
    }

    /**
     * The scope this one is nested in, or null. Not {@code PointerScope.getInnerScope()}: while this scope is open,
     * that is this scope itself.
     */
    private PointerScope enclosing() {
        java.util.Iterator<PointerScope> it = PointerScope.getScopeIterator();
        while (it != null && it.hasNext()) {
            if (it.next() == scope) {
                return it.hasNext() ? it.next() : null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        scope.close();
    }
}
