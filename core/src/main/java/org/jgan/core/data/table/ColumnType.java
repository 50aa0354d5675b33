package org.jgan.core.data.table;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a table column holds, which decides how it is parsed, written back and encoded for a GAN. Follows the split of
 * Xu et al. 2019, "Modeling Tabular Data using Conditional GAN" (CTGAN): continuous columns get mode-specific
 * normalisation, discrete columns a one-hot code. Integers and date-times are continuous for the network and are
 * rounded back on the way out.
 */
public enum ColumnType {
    /** Real numbers ("3.25", "-1e-3"). */
    CONTINUOUS,
    /** Whole numbers ("42", "-7"): encoded like continuous, kept in the training range and rounded on output. */
    INTEGER,
    /** Any other text: one category per distinct value. */
    CATEGORICAL,
    /** true/false or yes/no (any letter case); written back in the spelling the data used. */
    BOOLEAN,
    /** Dates or date-times (java.time patterns), held as seconds since 1970-01-01T00:00Z. */
    DATETIME;

    /** The name in schema files, e.g. "categorical". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Held as numbers (double + missing mask) rather than category codes. */
    public boolean numeric() {
        return this == CONTINUOUS || this == INTEGER || this == DATETIME;
    }

    /** The type named {@code key} in a schema file (letter case ignored), or null when there is none. */
    public static ColumnType fromKey(String key) {
        for (ColumnType t : values()) {
            if (t.key().equalsIgnoreCase(key.trim())) {
                return t;
            }
        }
        return null;
    }

    /** The schema-file names of all types, for error messages. */
    public static String keys() {
        return Arrays.toString(Arrays.stream(values()).map(ColumnType::key).toArray());
    }
}
