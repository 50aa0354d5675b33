package org.jgan.metrics.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.OrderRules;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.AtomicFiles;

/**
 * Quality, privacy and utility of a synthetic table against the real one, and the same three for the trivial
 * answer, {@link IndependentMarginals}, so that a reader sees what the generator adds over knowing each column
 * alone. Fidelity follows SDMetrics' quality report ({@link Fidelity}), privacy the distance to closest record
 * ({@link Privacy}), utility train-synthetic-test-real ({@link Utility}); together they are the evaluation of Xu et al.
 * 2019, "Modeling Tabular Data using Conditional GAN" (CTGAN), for one table.
 *
 * <p>Fidelity is measured against the training rows (what the generator learned from). Without a held-out table,
 * privacy is measured against the training rows alone (no memorisation judgement), and utility splits the real
 * table 80/20 (seeded): models learn from the 80% (TRTR) or the synthetic rows (TSTR) and are tested on the 20%,
 * which the generator may have seen, so TSTR is then optimistic; the notes say so.
 *
 * @param target        the utility target column, or null
 * @param seed          the seed of every random choice (baseline, subsamples, split, forests)
 * @param trainRows     rows of the real training table
 * @param holdoutRows   rows of the held-out real table (0: none given)
 * @param syntheticRows rows of the synthetic table (the baseline has as many)
 * @param synthetic     the synthetic table's scores
 * @param baseline      the independent-marginals baseline's scores
 * @param notes         what a reader should know: skipped parts, unseen categories, where test rows came from
 */
public record TableReport(String target, long seed, int trainRows, int holdoutRows, int syntheticRows,
                          TableScores synthetic, TableScores baseline, List<String> notes) {
    /** The real table's share used for training when utility has to split it. */
    public static final double UTILITY_TRAIN_SHARE = 0.8;

    public TableReport {
        notes = List.copyOf(notes);
    }

    /**
     * The report of {@code synthetic} against {@code train} and {@code holdout} (null: none). {@code target} (null:
     * no utility) names a column to predict. Tables with other columns than {@code train}, or a target that is not
     * a varying column, are a {@link DataException} naming them.
     */
    public static TableReport compute(Table train, Table holdout, Table synthetic, String target, long seed) {
        return compute(train, holdout, synthetic, target, seed, stage -> { });
    }

    /**
     * As {@link #compute(Table, Table, Table, String, long)}, telling {@code progress} each stage as it starts
     * ("privacy of the synthetic rows", ...): on a table of a few thousand rows the report takes a minute, most of
     * it in the utility's random forests.
     */
    public static TableReport compute(Table train, Table holdout, Table synthetic, String target, long seed,
                                      java.util.function.Consumer<String> progress) {
        if (train.rows() < 2) {
            throw new DataException("the real table has " + train.rows() + " rows; a report needs at least 2");
        }
        SyntheticTables.checkColumns(train.schema(), synthetic.schema(), "the synthetic table");
        if (holdout != null) {
            SyntheticTables.checkColumns(train.schema(), holdout.schema(), "the held-out table");
        }
        if (synthetic.rows() == 0) {
            throw new DataException("the synthetic table has no rows");
        }
        if (target != null) {
            Utility.targetColumn(train, target);
        }
        List<String> notes = new ArrayList<>();
        Table utilityTrain = train;
        Table utilityTest = holdout;
        String utilityNote = "both models tested on the " + (holdout == null ? 0 : holdout.rows()) + " held-out real rows";
        if (holdout == null || holdout.rows() == 0) {
            notes.add("no held-out real table: privacy compares synthetic rows with the training rows only, and does "
                    + "not judge memorisation");
            if (target != null) {
                int[][] split = Rows.split(train.rows(), UTILITY_TRAIN_SHARE, seed);
                utilityTrain = train.select(split[0]);
                utilityTest = train.select(split[1]);
                utilityNote = "no held-out real table: the real table was split 80/20 (seed " + seed + "); both models "
                        + "were tested on the " + split[1].length + " real rows of the 20%, which the generator may "
                        + "have seen in training, so TSTR may be optimistic";
                notes.add(utilityNote);
            }
        }
        progress.accept("column shapes and pair trends of the synthetic rows");
        Fidelity f = Fidelity.of(train, synthetic);
        for (ColumnShape s : f.columnShapes()) {
            if (!s.unseen().isEmpty()) {
                notes.add("synthetic column \"" + s.column() + "\" has " + s.unseen().size() + " categor"
                        + (s.unseen().size() == 1 ? "y" : "ies") + " the real data never had: "
                        + String.join(", ", s.unseen().stream().limit(10).map(u -> "\"" + u + "\"").toList())
                        + (s.unseen().size() > 10 ? ", ..." : ""));
            }
        }
        OrderRules rules = OrderRules.of(train);
        TableScores syn = scores(f, train, holdout, synthetic, "synthetic", target, utilityTrain, utilityTest, seed,
                utilityNote, rules, progress);
        Table base = IndependentMarginals.sample(train, synthetic.rows(), seed);
        progress.accept("column shapes and pair trends of the baseline (independent marginals)");
        TableScores bas = scores(Fidelity.of(train, base), train, holdout, base, "baseline", target, utilityTrain,
                utilityTest, seed, utilityNote, rules, progress);
        return new TableReport(target, seed, train.rows(), holdout == null ? 0 : holdout.rows(), synthetic.rows(),
                syn, bas, notes);
    }

    /** Privacy, utility and orderings of {@code t} ("synthetic" or "baseline" in {@code progress}), with {@code f}. */
    private static TableScores scores(Fidelity f, Table train, Table holdout, Table t, String what, String target,
                                      Table utilityTrain, Table utilityTest, long seed, String utilityNote,
                                      OrderRules rules, java.util.function.Consumer<String> progress) {
        progress.accept("privacy (distance to closest record) of the " + what + " rows");
        Privacy p = Privacy.of(train, holdout, t, seed);
        Utility u = null;
        if (target != null) {
            progress.accept("utility of the " + what + " rows: random forests predicting " + target);
            u = Utility.of(utilityTrain, utilityTest, t, target, seed, utilityNote);
        }
        return new TableScores(f, p, u, OrderingScore.of(rules, t));
    }

    /** The report as indented JSON (an undefined score is the string "NaN"). */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the table report as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #toJson} to {@code file}, whole or not at all. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }
}
