/**
 * Quality, privacy and utility of synthetic tables, with no tensors: {@link org.jgan.metrics.table.TableReport}
 * combines {@link org.jgan.metrics.table.Fidelity} (SDMetrics-style column shapes and pair trends),
 * {@link org.jgan.metrics.table.Privacy} (distance to closest record) and {@link org.jgan.metrics.table.Utility}
 * (train on synthetic, test on real, with Tribuo forests), for a generated table and for the
 * {@link org.jgan.metrics.table.IndependentMarginals} baseline. The evaluation of CTGAN (Xu et al. 2019, "Modeling
 * Tabular Data using Conditional GAN"), for one table.
 */
package org.jgan.metrics.table;
