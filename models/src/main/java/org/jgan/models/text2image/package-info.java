/**
 * Text-to-image GANs (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis"): a generator conditioned on
 * a caption's sentence embedding. {@link org.jgan.models.text2image.TextEncoder} turns word ids from
 * {@link org.jgan.core.data.captions.Tokenizer} into embeddings (the sentence encoder of AttnGAN's DAMSM, Xu et al.
 * 2018, as DF-GAN, Tao et al. 2022, uses it); {@link org.jgan.models.text2image.GanCls} gives the matching-aware
 * discriminator its wrong captions and the generator its interpolated embeddings.
 */
package org.jgan.models.text2image;
