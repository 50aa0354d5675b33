package org.jgan.models.ctgan;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSources;
import org.jgan.core.data.table.TableTransformer;

/**
 * The tables a ctgan run keeps in its folder ({@code table/train.csv}, {@code table/holdout.csv}, beside the fitted
 * transformer), read back with the column types the run trained with: what a report on the run (Xu et al. 2019's
 * evaluation, SDMetrics' quality report) compares its synthetic rows with.
 *
 * <p>Why the run's types and not inferred ones: a named table or a schema file may declare what inference cannot see
 * (movies' release dates, "Jun 12 1998", are categories to inference), and every synthetic date would then be
 * reported as a category the real data never had.
 */
public final class TableRunFiles {
    static final String TRAIN = "train.csv";
    static final String HOLDOUT = "holdout.csv";

    private TableRunFiles() {
    }

    /**
     * The run's training rows, with {@code declared}'s types where given (null: the types the run trained with,
     * from its transformer); a {@link DataException} naming the run when it kept none.
     */
    public static Table training(Path runDir, SchemaOverrides declared) {
        Path dir = runDir.resolve(TableRows.DIR);
        Path train = dir.resolve(TRAIN);
        if (!Files.isRegularFile(train)) {
            throw new DataException(runDir + ": no " + TableRows.DIR + "/" + TRAIN + " (a table run keeps its "
                    + "training rows there)");
        }
        Path saved = dir.resolve(TableRows.TRANSFORMER);
        SchemaOverrides o = declared != null ? declared : Files.isRegularFile(saved)
                ? SchemaOverrides.of(TableTransformer.load(saved).schema()) : SchemaOverrides.none();
        return TableSources.open(train.toString(), o);
    }

    /** The run's training rows file, or null when the folder keeps none. */
    static Path trainingFile(Path runDir) {
        Path train = runDir.resolve(TableRows.DIR).resolve(TRAIN);
        return Files.isRegularFile(train) ? train : null;
    }

    /** The run's held-out rows file, or null when it held none out. */
    public static Path holdout(Path runDir) {
        Path ho = runDir.resolve(TableRows.DIR).resolve(HOLDOUT);
        return Files.isRegularFile(ho) ? ho : null;
    }
}
