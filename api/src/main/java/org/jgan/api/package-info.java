/**
 * jgan's Java API: train, resume, load, sample, evaluate and export generative adversarial networks in a few lines.
 * Start at {@link org.jgan.api.Jgan}; docs/java-api.md walks through it.
 */
package org.jgan.api;
