package org.jgan.core.config;

/**
 * What to train on.
 *
 * @param source   fashion-mnist, fashion-mnist:test, a folder, or an IDX file (see DataSources)
 * @param batch    images per step
 * @param dropLast drop the partial last batch of each epoch
 * @param limit    use only the first {@code limit} images (0: all), for quick runs and tests
 * @param perClass use only {@code perClass} images of each class (0: all), chosen by the run's seed: the
 *                 scarce-data setting of data augmentation experiments
 * @param mirror   flip each real image left-right with probability 1/2 when it is drawn (stylegan2-ada's
 *                 {@code --mirror}): twice the images for data whose classes are left-right symmetric, such as
 *                 garments; off by default because it is wrong for text, digits or faces with a fixed pose
 */
public record DataConfig(String source, int batch, boolean dropLast, int limit, int perClass, boolean mirror) {
    public DataConfig {
        ConfigException.check(source != null && !source.isBlank(), "data.source is empty; give fashion-mnist "
                + "or a folder");
        ConfigException.check(batch >= 1 && batch <= 65536, "data.batch must be in 1..65536, got " + batch);
        ConfigException.check(limit >= 0, "data.limit must be 0 (all) or positive, got " + limit);
        ConfigException.check(perClass >= 0, "data.perClass must be 0 (all) or positive, got " + perClass);
    }

    public DataConfig(String source, int batch, boolean dropLast, int limit) {
        this(source, batch, dropLast, limit, 0, false);
    }
}
