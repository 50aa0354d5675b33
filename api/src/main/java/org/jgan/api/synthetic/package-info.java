/**
 * Labelled synthetic data from conditional GANs (Mirza &amp; Osindero 2014), and whether it helps a classifier.
 *
 * <ul>
 *   <li>{@link org.jgan.api.synthetic.LabelledGenerator}: images of asked classes from seeded latents (a conditional
 *       run through {@link org.jgan.api.synthetic.LabelledGenerator#of}).</li>
 *   <li>{@link org.jgan.api.synthetic.SyntheticSets}: a class-balanced synthetic set, and mixing it with real
 *       data.</li>
 *   <li>{@link org.jgan.api.synthetic.ConfidenceFilter}: keeps only images a
 *       {@link org.jgan.api.synthetic.ConfidenceJudge} (e.g. a {@link org.jgan.api.synthetic.ClassifierJudge})
 *       puts in their intended class with enough probability.</li>
 *   <li>{@link org.jgan.api.synthetic.ExportFormat}: writes a labelled set as IDX files, class folders or
 *       {@code .npy} arrays.</li>
 *   <li>{@link org.jgan.api.synthetic.AugmentExperiment}: trains the same small classifier with and without the
 *       synthetic images over several seeds and reports the lift ({@link org.jgan.api.synthetic.AugmentResult}).</li>
 * </ul>
 */
package org.jgan.api.synthetic;
