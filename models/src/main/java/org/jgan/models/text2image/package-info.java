/**
 * Text-to-image GANs (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis"): the {@code text2image}
 * variant ({@link org.jgan.models.text2image.Text2Image}), a generator conditioned on a caption's sentence embedding
 * and a matching-aware discriminator, each reading captions with its own {@link org.jgan.core.nn.TextEncoder} (the
 * sentence encoder of AttnGAN's DAMSM, Xu et al. 2018, as DF-GAN, Tao et al. 2022, uses it);
 * {@link org.jgan.models.text2image.GanCls} gives the discriminator its wrong captions; captions travel as word ids
 * through {@link org.jgan.models.text2image.TextConditioning}.
 */
package org.jgan.models.text2image;
