package org.jgan.core.data.captions;

import org.jgan.core.data.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;

/**
 * Where each {@link CaptionAttribute} splits into its three levels, per class: the tertiles of the attribute's
 * {@link CaptionAttributes measure} among the training images of that class. Cutting per class rather than over the
 * whole data set makes every level hold about a third of every class, so a caption's attribute words say something
 * about the image that its class does not already say (a sandal is small next to a coat, but "a large sandal" must
 * still mean something). The cut points are fit once on the train split and saved with the model, so that test
 * captions and evaluations use the same words for the same pixels. Part of the text-to-image data (Reed et al. 2016,
 * "Generative Adversarial Text to Image Synthesis").
 */
public final class CaptionThresholds {
    static final String FORMAT = "jgan-caption-thresholds";
    static final int VERSION = 1;
    private static final String WHAT = "caption thresholds";
    private static final int ATTRS = CaptionAttribute.values().length;

    private final List<String> classNames;
    /** [class][attribute][0 = lower cut, 1 = upper cut]. */
    private final double[][][] cuts;
    /** Training images of each class the cuts were fit on (for the record). */
    private final int[] images;

    /** Cut points {@code cuts[class][attribute] = {lower, upper}}, with lower &lt;= upper. */
    public CaptionThresholds(List<String> classNames, double[][][] cuts, int[] images) {
        if (classNames.isEmpty() || cuts.length != classNames.size() || images.length != classNames.size()) {
            throw new IllegalArgumentException("caption thresholds need one entry per class: " + classNames.size()
                    + " names, " + cuts.length + " cut sets, " + images.length + " image counts");
        }
        this.classNames = List.copyOf(classNames);
        this.cuts = new double[cuts.length][ATTRS][];
        for (int c = 0; c < cuts.length; c++) {
            for (int a = 0; a < ATTRS; a++) {
                double[] p = cuts[c][a];
                if (p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || p[0] > p[1]) {
                    throw new IllegalArgumentException("class " + classNames.get(c) + ", "
                            + CaptionAttribute.values()[a].key() + ": cut points must be two finite numbers, lower "
                            + "first, got " + Arrays.toString(p));
                }
                this.cuts[c][a] = p.clone();
            }
        }
        this.images = images.clone();
    }

    /** Fits the per-class tertiles on a labelled grayscale data set (the train split). */
    public static CaptionThresholds fit(ImageDataset ds) {
        if (!ds.labelled()) {
            throw new DataException(ds.name() + ": caption thresholds are cut per class and need labelled images");
        }
        return fit(CaptionAttributes.measureAll(ds), ds.labels(), ds.classNames(), ds.name());
    }

    static CaptionThresholds fit(double[][] measures, int[] labels, List<String> classNames, String source) {
        int k = classNames.size();
        int[] count = new int[k];
        for (int l : labels) {
            count[l]++;
        }
        double[][][] cuts = new double[k][ATTRS][];
        for (int c = 0; c < k; c++) {
            if (count[c] < CaptionAttribute.LEVELS) {
                throw new DataException(source + ": class " + classNames.get(c) + " has " + count[c] + " images; "
                        + "per-class tertiles need at least " + CaptionAttribute.LEVELS);
            }
            for (int a = 0; a < ATTRS; a++) {
                double[] v = new double[count[c]];
                int j = 0;
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == c) {
                        v[j++] = measures[i][a];
                    }
                }
                Arrays.sort(v);
                // With level = (x >= lower) + (x >= upper), these cuts leave n/3 values below the lower one and
                // n/3 between, when values do not tie.
                cuts[c][a] = new double[]{v[v.length / 3], v[2 * v.length / 3]};
            }
        }
        return new CaptionThresholds(classNames, cuts, count);
    }

    public List<String> classNames() {
        return classNames;
    }

    public double lower(int cls, CaptionAttribute a) {
        return cuts[cls][a.ordinal()][0];
    }

    public double upper(int cls, CaptionAttribute a) {
        return cuts[cls][a.ordinal()][1];
    }

    /** Training images of class {@code cls} the cut points were fit on. */
    public int images(int cls) {
        return images[cls];
    }

    /**
     * The levels (0..2, indexed by {@link CaptionAttribute#ordinal()}) of an image of class {@code cls} with these
     * {@link CaptionAttributes#measure measures}. An image without garment pixels has nothing to describe and is
     * dark, small and plain (all level 0), whatever the cuts.
     */
    public int[] levels(int cls, double[] measures) {
        if (cls < 0 || cls >= classNames.size()) {
            throw new IllegalArgumentException("class " + cls + " is not one of the " + classNames.size()
                    + " classes these thresholds were fit on");
        }
        int[] out = new int[ATTRS];
        if (measures[CaptionAttribute.SIZE.ordinal()] == 0) {
            return out;
        }
        for (int a = 0; a < ATTRS; a++) {
            double x = measures[a];
            out[a] = (x >= cuts[cls][a][0] ? 1 : 0) + (x >= cuts[cls][a][1] ? 1 : 0);
        }
        return out;
    }

    /** The levels of every image of {@code ds}, [image][attribute]; its classes must be the ones fit on. */
    public int[][] levelsOf(ImageDataset ds) {
        if (!ds.labelled()) {
            throw new DataException(ds.name() + ": caption levels are cut per class and need labelled images");
        }
        if (!ds.classNames().equals(classNames)) {
            throw new DataException(ds.name() + ": has classes " + ds.classNames() + " but the caption thresholds "
                    + "were fit on " + classNames);
        }
        double[][] m = CaptionAttributes.measureAll(ds);
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = levels(ds.labels()[i], m[i]);
        }
        return out;
    }

    /** Writes the thresholds as JSON, whole or not at all. */
    public void save(Path file) {
        ObjectNode root = JsonFiles.start(FORMAT, VERSION);
        root.put("garmentThreshold", CaptionAttributes.GARMENT_THRESHOLD);
        ArrayNode classes = root.putArray("classes");
        for (int c = 0; c < classNames.size(); c++) {
            ObjectNode o = classes.addObject();
            o.put("name", classNames.get(c));
            o.put("images", images[c]);
            for (CaptionAttribute a : CaptionAttribute.values()) {
                o.putArray(a.key()).add(lower(c, a)).add(upper(c, a));
            }
        }
        JsonFiles.write(file, root, WHAT);
    }

    /** Reads thresholds written by {@link #save}; any problem is a {@link DataException} naming the file. */
    public static CaptionThresholds load(Path file) {
        JsonNode root = JsonFiles.read(file, FORMAT, VERSION, WHAT);
        int garment = root.path("garmentThreshold").asInt(-1);
        if (garment != CaptionAttributes.GARMENT_THRESHOLD) {
            throw JsonFiles.bad(file, WHAT, "they were measured with garment threshold " + root.path(
                    "garmentThreshold") + ", this jgan measures with " + CaptionAttributes.GARMENT_THRESHOLD);
        }
        JsonNode classes = root.path("classes");
        if (!classes.isArray() || classes.isEmpty()) {
            throw JsonFiles.bad(file, WHAT, "\"classes\" must be a non-empty list");
        }
        List<String> names = new ArrayList<>();
        double[][][] cuts = new double[classes.size()][ATTRS][];
        int[] images = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            JsonNode o = classes.get(c);
            if (!o.path("name").isTextual() || !o.path("images").canConvertToInt()) {
                throw JsonFiles.bad(file, WHAT, "class entry " + c + " needs a \"name\" and an \"images\" count");
            }
            names.add(o.get("name").asText());
            images[c] = o.get("images").asInt();
            for (CaptionAttribute a : CaptionAttribute.values()) {
                JsonNode p = o.path(a.key());
                if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw JsonFiles.bad(file, WHAT, "class " + names.get(c) + " needs \"" + a.key()
                            + "\": [lower, upper]");
                }
                cuts[c][a.ordinal()] = new double[]{p.get(0).asDouble(), p.get(1).asDouble()};
            }
        }
        try {
            return new CaptionThresholds(names, cuts, images);
        } catch (IllegalArgumentException e) {
            throw JsonFiles.bad(file, WHAT, e.getMessage());
        }
    }
}
