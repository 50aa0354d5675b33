package org.jgan.api;

import java.util.Arrays;
import java.util.List;
import org.jgan.core.config.ConfigException;

/**
 * What {@link GanModel#interpolate} walks through: the seeds visited in order, the frames from one to the next, the
 * latent space and path, truncation and class. Immutable; each setter returns a changed copy.
 *
 * <pre>{@code
 * Samples frames = model.interpolate(LatentWalk.through(1, 2, 3).steps(16));
 * frames.writeGrid(Path.of("walk.png"));            // a strip
 * frames.writeGif(Path.of("walk.gif"), 12, 2);      // looping animation, 12 frames per second, twice the size
 * }</pre>
 *
 * <p>Defaults: 16 steps; w space for style-based models, z space otherwise; spherical interpolation (slerp, White
 * 2016) in z, where it keeps latents at the norm typical of N(0, I), and straight lines in w; no truncation; no class.
 */
public final class LatentWalk {
    private final List<Long> seeds;
    private final int steps;
    private final LatentSpace space;
    private final Boolean spherical;
    private final double truncation;
    private final String cls;

    private LatentWalk(List<Long> seeds, int steps, LatentSpace space, Boolean spherical, double truncation,
                       String cls) {
        this.seeds = seeds;
        this.steps = steps;
        this.space = space;
        this.spherical = spherical;
        this.truncation = truncation;
        this.cls = cls;
    }

    /** A walk through the latents of {@code seeds}, in order (two or more). */
    public static LatentWalk through(List<Long> seeds) {
        ConfigException.check(seeds != null && seeds.size() >= 2, "a walk needs two or more seeds, got "
                + (seeds == null ? 0 : seeds.size()));
        return new LatentWalk(List.copyOf(seeds), 16, null, null, 1.0, null);
    }

    /** A walk through the latents of {@code seeds}, in order (two or more). */
    public static LatentWalk through(long... seeds) {
        return through(Arrays.stream(seeds).boxed().toList());
    }

    /** Frames from one seed to the next, 1..1000; the walk has (seeds - 1) * steps + 1 frames. */
    public LatentWalk steps(int steps) {
        ConfigException.check(steps >= 1 && steps <= 1000, "steps between seeds must be in 1..1000, got " + steps);
        return new LatentWalk(seeds, steps, space, spherical, truncation, cls);
    }

    /** The space to walk in; null: the model's default (w for style-based models, else z). */
    public LatentWalk space(LatentSpace space) {
        return new LatentWalk(seeds, steps, space, spherical, truncation, cls);
    }

    /** Spherical (true) or straight (false) paths; null: the default of the space (spherical in z, straight in w). */
    public LatentWalk spherical(Boolean spherical) {
        return new LatentWalk(seeds, steps, space, spherical, truncation, cls);
    }

    /** Truncation psi of every frame (style-based models; 1: none). */
    public LatentWalk truncation(double psi) {
        return new LatentWalk(seeds, steps, space, spherical, psi, cls);
    }

    /** The class of every frame (an index or a class name); conditional runs must have one. */
    public LatentWalk cls(String cls) {
        return new LatentWalk(seeds, steps, space, spherical, truncation, cls);
    }

    /** The seeds visited. */
    public List<Long> seeds() {
        return seeds;
    }

    /** Frames from one seed to the next. */
    public int steps() {
        return steps;
    }

    /** The space, or null for the model's default. */
    public LatentSpace space() {
        return space;
    }

    /** True for spherical paths; the space's default while unset (see {@link #spherical(Boolean)}). */
    public boolean spherical() {
        return spherical != null ? spherical : space != LatentSpace.W;
    }

    /** Truncation psi. */
    public double truncation() {
        return truncation;
    }

    /** The class, or null. */
    public String cls() {
        return cls;
    }

    /**
     * This walk with the space filled in for {@code model} (w when it is style-based, else z); refuses a walk in w
     * for a model that has no w.
     */
    public LatentWalk resolvedFor(GanModel model) {
        LatentSpace s = space != null ? space : model.styleBased() ? LatentSpace.W : LatentSpace.Z;
        if (s == LatentSpace.W && !model.styleBased()) {
            throw new ConfigException("a walk in w space needs a style-based model such as stylegan2; this run is "
                    + model.config().model().name() + ", walk in z space");
        }
        return new LatentWalk(seeds, steps, s, spherical, truncation, cls);
    }
}
