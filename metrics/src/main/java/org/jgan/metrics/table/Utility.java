package org.jgan.metrics.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.Table;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Machine-learning utility of a synthetic table: train a model on real rows (TRTR) and the same model on synthetic
 * rows (TSTR), test both on held-out real rows, and compare (Esteban et al. 2017, "Real-valued (medical) time series
 * generation with recurrent conditional GANs"; Xu et al. 2019, CTGAN, section 5). The model is a seeded random forest
 * of {@value #TREES} CART trees from Tribuo (Oracle Labs, Apache-2.0): a classifier (accuracy, macro-F1) for a
 * categorical or boolean target, a regressor (MAE, R^2) for a numeric one. Features are coded by
 * {@link TribuoFeatures}; rows whose target is missing are left out of training and testing.
 *
 * @param target        the target column
 * @param task          "classification" or "regression"
 * @param model         what was trained, in words
 * @param trainRows     real training rows used (target present)
 * @param syntheticRows synthetic rows used (target present)
 * @param testRows      real test rows (target present)
 * @param scores        the metrics, TRTR against TSTR
 * @param note          where the test rows came from
 * @param classes       per class of the real training rows (by name), F1 of both models; empty for a regression
 */
public record Utility(String target, String task, String model, int trainRows, int syntheticRows, int testRows,
                      List<UtilityScore> scores, String note, List<ClassScore> classes) {
    /** Trees in each forest. */
    public static final int TREES = 50;
    private static final int DEPTH = 12;
    // Held so the level sticks: java.util.logging keeps loggers weakly. Tribuo logs every training at INFO.
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    public Utility {
        scores = List.copyOf(scores);
        classes = List.copyOf(classes);
    }

    /**
     * TRTR and TSTR for column {@code target}: models trained on {@code train} and on {@code synthetic}, tested on
     * {@code test}. A target the real table lacks, or one with a single value in the training rows, is a
     * {@link DataException} naming it.
     */
    public static Utility of(Table train, Table test, Table synthetic, String target, long seed, String note) {
        TRIBUO_LOG.setLevel(Level.WARNING);
        int tc = targetColumn(train, target);
        boolean classify = !train.type(tc).numeric();
        String model = "random forest of " + TREES + " CART trees (depth " + DEPTH + ", half the features per split, "
                + "seed " + seed + ")";
        if (classify) {
            LabelFactory f = new LabelFactory();
            Dataset<Label> real = dataset(train, target, f, true);
            Dataset<Label> syn = dataset(synthetic, target, f, true);
            Dataset<Label> tst = dataset(test, target, f, true);
            // scored over the real training rows' classes, so a class the synthetic rows never have counts as
            // never found (F1 0) instead of being unknown to the model (Tribuo's evaluator refuses such test rows)
            List<String> classes = real.getOutputInfo().getDomain().stream().map(Label::getLabel).sorted().toList();
            Classified a = Classified.of(classifier(seed).train(real), tst, classes);
            Classified b = Classified.of(classifier(seed).train(syn), tst, classes);
            List<ClassScore> per = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) {
                per.add(new ClassScore(classes.get(i), a.support()[i], a.f1()[i], b.f1()[i]));
            }
            return new Utility(target, "classification", model, real.size(), syn.size(), tst.size(),
                    List.of(UtilityScore.of("accuracy", a.accuracy(), b.accuracy(), true),
                            UtilityScore.of("macroF1", a.macroF1(), b.macroF1(), true)), note, per);
        }
        RegressionFactory f = new RegressionFactory();
        Dataset<Regressor> real = dataset(train, target, f, false);
        Dataset<Regressor> syn = dataset(synthetic, target, f, false);
        Dataset<Regressor> tst = dataset(test, target, f, false);
        RegressionEvaluator ev = new RegressionEvaluator();
        RegressionEvaluation a = ev.evaluate(regressor(seed).train(real), tst);
        RegressionEvaluation b = ev.evaluate(regressor(seed).train(syn), tst);
        return new Utility(target, "regression", model, real.size(), syn.size(), tst.size(),
                List.of(UtilityScore.of("mae", a.averageMAE(), b.averageMAE(), false),
                        UtilityScore.of("r2", a.averageR2(), b.averageR2(), true)), note, List.of());
    }

    /** The target's column in {@code train}, checked to exist and to vary. */
    static int targetColumn(Table train, String target) {
        int tc = train.schema().indexOf(target);
        if (tc < 0) {
            throw new DataException("target column \"" + target + "\" is not in the real table (its columns: "
                    + String.join(", ", train.schema().names()) + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < train.rows() && seen.size() < 2; r++) {
            if (!train.isMissing(tc, r)) {
                seen.add(train.cell(tc, r));
            }
        }
        if (seen.size() < 2) {
            throw new DataException("target column \"" + target + "\" is " + (seen.isEmpty() ? "missing in every "
                    + "real training row" : "constant (\"" + seen.iterator().next() + "\") in the real training rows")
                    + ", so there is nothing to predict; choose a column that varies");
        }
        return tc;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> Dataset<T> dataset(Table t, String target, OutputFactory<T> f,
                                                                      boolean classify) {
        int tc = t.columnIndex(target);
        List<Example<T>> examples = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            if (t.isMissing(tc, r)) {
                continue;
            }
            T out = classify ? (T) new Label(TribuoFeatures.category(t, tc, r))
                    : (T) new Regressor(target, t.number(tc, r));
            examples.add(TribuoFeatures.example(t, r, tc, out));
        }
        SimpleDataSourceProvenance p = new SimpleDataSourceProvenance("jgan table", f);
        return new MutableDataset<>(new ListDataSource<>(examples, f, p));
    }

    private static Trainer<Label> classifier(long seed) {
        return new RandomForestTrainer<>(new CARTClassificationTrainer(DEPTH, 0.5f, seed), new VotingCombiner(),
                TREES, seed);
    }

    private static Trainer<Regressor> regressor(long seed) {
        return new RandomForestTrainer<>(new CARTRegressionTrainer(DEPTH, 5f, 0f, 0.5f, false,
                new MeanSquaredError(), seed), new AveragingCombiner(), TREES, seed);
    }
}
