/**
 * Captioned images for text-to-image GANs (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis"): a
 * generator conditioned on a sentence rather than on a class index.
 *
 * <p>Fashion-MNIST has no captions, so they are made from what can be measured on the pixels: the class plus three
 * attributes ({@link org.jgan.core.data.captions.CaptionAttribute}), each in three levels cut at per-class tertiles
 * ({@link org.jgan.core.data.captions.CaptionThresholds}), put into words in varied phrasings
 * ({@link org.jgan.core.data.captions.Captioner}). Because the attributes are measured, a generated image can later be
 * scored on whether it shows what its caption asked for, and a few (class, brightness, size) combinations are kept out
 * of training ({@link org.jgan.core.data.captions.HeldOutCompositions}) to test whether the generator composes words
 * it has only seen apart. A user's own data is a folder of images with a {@code captions.txt}
 * ({@link org.jgan.core.data.captions.CaptionsFile}). Text becomes word ids with a
 * {@link org.jgan.core.data.captions.Tokenizer}.
 */
package org.jgan.core.data.captions;
