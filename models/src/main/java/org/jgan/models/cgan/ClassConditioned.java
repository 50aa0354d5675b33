package org.jgan.models.cgan;

/** A conditional generator whose class-conditional batch norms (de Vries et al. 2017) start at a chosen spread. */
interface ClassConditioned {
    /** The class-conditional scales and shifts at their starting spread; call after the generic initialiser. */
    void initConditioning(long seed);
}
