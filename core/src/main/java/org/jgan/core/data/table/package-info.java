/**
 * Tables for CTGAN-class generators (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN"): the data side,
 * without tensors.
 *
 * <p>A {@link org.jgan.core.data.table.Table} is read from CSV, JSON lines or a JSON array of objects (or opened by
 * name or path with {@link org.jgan.core.data.table.TableSources}) with each column's
 * {@link org.jgan.core.data.table.ColumnType} inferred (rules in {@link org.jgan.core.data.table.TableSchema}) or
 * declared in a small schema file ({@link org.jgan.core.data.table.SchemaOverrides}); missing cells stay missing.
 * A {@link org.jgan.core.data.table.TableTransformer} fitted on it turns rows into the vectors a generator writes:
 * mode-specific normalisation for numbers ({@link org.jgan.core.data.table.ModeSpecificNormalizer}), one-hots for
 * categories, with {@link org.jgan.core.data.table.OutputSpan}s telling which activation writes which part. Its
 * fitted state is JSON, so it can be stored with a run; generated vectors come back as a Table, and
 * {@link org.jgan.core.data.table.Table#writeCsv} writes them in the input's own formats.
 */
package org.jgan.core.data.table;
