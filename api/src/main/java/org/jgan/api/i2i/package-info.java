/**
 * Image-to-image models from Java: load a pix2pix, CycleGAN or SRGAN run ({@link org.jgan.api.i2i.ImageToImageRun}),
 * translate or upscale images in a call or two, and measure the results ({@link org.jgan.api.i2i.Quality}: L1, PSNR
 * and SSIM against targets, the cycle-consistency figure, the degrade-then-upscale protocol). Images travel as
 * {@link org.jgan.core.data.ImageFiles.Decoded} bytes in plain Java memory; only the run holds native memory.
 */
package org.jgan.api.i2i;
