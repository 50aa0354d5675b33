package org.jgan.core.data;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reads image-to-image data from folders, in the layouts pix2pix and CycleGAN ship (Isola et al. 2017; Zhu et al.
 * 2017), into an {@link ImageDataset} whose channels hold A then B ({@link Pairing}):
 * <ul>
 *   <li>paired: {@code A/} and {@code B/} with matching file names (extensions may differ), optionally split into
 *       {@code A/train}, {@code A/test}, ...;</li>
 *   <li>side by side: images whose left half is A and right half is B, in {@code DIR} or {@code DIR/train},
 *       {@code DIR/test} (or {@code val});</li>
 *   <li>unpaired: {@code trainA/} and {@code trainB/} ({@code testA/}, {@code testB/} for the test split); each A is
 *       stored beside a B drawn at random, and the data holds max(|A|, |B|) rows so every image of both domains is
 *       used each epoch.</li>
 * </ul>
 */
public final class PairedFolders {
    private PairedFolders() {
    }

    /** The layout found in a folder. */
    public enum Layout { PAIRED, SIDE_BY_SIDE, UNPAIRED }

    /** Which layout {@code root} holds (a folder of plain images counts as side by side). */
    public static Layout detect(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root + ": no such folder");
        }
        if (Files.isDirectory(root.resolve("trainA")) || Files.isDirectory(root.resolve("testA"))) {
            return Layout.UNPAIRED;
        }
        if (Files.isDirectory(root.resolve("A")) || Files.isDirectory(root.resolve("B"))) {
            return Layout.PAIRED;
        }
        return Layout.SIDE_BY_SIDE;
    }

    /** Reads split {@code split} ("train" or "test") of {@code root}, resized to {@code size} (0: keep). */
    public static ImageDataset open(Path root, String split, int size, long seed) {
        String name = root + ":" + split;
        return switch (detect(root)) {
            case UNPAIRED -> unpaired(dir(root, split + "A"), dir(root, split + "B"), size, seed, name);
            case PAIRED -> paired(splitDir(root.resolve("A"), split), splitDir(root.resolve("B"), split), size, name);
            case SIDE_BY_SIDE -> sideBySide(sideBySideDir(root, split), size, name);
        };
    }

    /** Pairs {@code a/x.*} with {@code b/x.*}; every image must have its partner. */
    public static ImageDataset paired(Path a, Path b, int size, String name) {
        Map<String, Path> as = byStem(ImageFiles.list(a));
        Map<String, Path> bs = byStem(ImageFiles.list(b));
        List<String> onlyA = as.keySet().stream().filter(k -> !bs.containsKey(k)).toList();
        List<String> onlyB = bs.keySet().stream().filter(k -> !as.containsKey(k)).toList();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            boolean inA = !onlyA.isEmpty();
            List<String> odd = inA ? onlyA : onlyB;
            throw new DataException(name + ": " + odd.size() + " image(s) of " + (inA ? a : b) + " have no partner "
                    + "with the same name in " + (inA ? b : a) + " (e.g. " + (inA ? as : bs).get(odd.get(0))
                    .getFileName() + "); paired folders need matching file names");
        }
        List<Path> fa = new ArrayList<>(as.values());
        List<Path> fb = fa.stream().map(p -> bs.get(ImageFiles.stem(p))).toList();
        return pack(ImageFiles.read(fa, size, 0), ImageFiles.read(fb, size, 0), true, name);
    }

    /** Splits each image of {@code dir} into its left half (A) and right half (B). */
    public static ImageDataset sideBySide(Path dir, int size, String name) {
        List<Path> files = ImageFiles.list(dir);
        List<BufferedImage> left = new ArrayList<>(files.size());
        List<BufferedImage> right = new ArrayList<>(files.size());
        for (Path f : files) {
            BufferedImage ab = ImageFiles.read(f);
            left.add(ImageFiles.half(ab, 0, f));
            right.add(ImageFiles.half(ab, 1, f));
        }
        return pack(ImageFiles.decode(files, left, size, 0), ImageFiles.decode(files, right, size, 0), true, name);
    }

    /** Two unpaired domains, each A beside a B drawn with a generator seeded by {@code seed}. */
    public static ImageDataset unpaired(Path a, Path b, int size, long seed, String name) {
        return unpaired(ImageFiles.read(ImageFiles.list(a), size, 0), ImageFiles.read(ImageFiles.list(b), size, 0),
                seed, name);
    }

    /**
     * Packs two unpaired domains into max(|A|, |B|) rows, each domain in a seeded shuffle (the smaller one cycled), so
     * both are used whole and which A sits beside which B means nothing.
     */
    public static ImageDataset unpaired(ImageFiles.Decoded a, ImageFiles.Decoded b, long seed, String name) {
        int n = Math.max(a.size(), b.size());
        int[] ia = rows(a.size(), n, new SplittableRandom(seed));
        int[] ib = rows(b.size(), n, new SplittableRandom(seed + 1));
        return pack(select(a, ia), select(b, ib), false, name);
    }

    /** Side A and side B of equal counts and sizes as one data set of pairs. */
    public static ImageDataset pack(ImageFiles.Decoded a, ImageFiles.Decoded b, boolean aligned, String name) {
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new DataException(name + ": A images are " + a.width() + "x" + a.height() + " but B images are "
                    + b.width() + "x" + b.height() + "; give both one size with i2i.loadSize=N");
        }
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("pack needs equal counts, got " + a.size() + " and " + b.size());
        }
        int pa = a.channels() * a.height() * a.width();
        int pb = b.channels() * b.height() * b.width();
        byte[] px = new byte[a.size() * (pa + pb)];
        for (int i = 0; i < a.size(); i++) {
            System.arraycopy(a.pixels(), i * pa, px, i * (pa + pb), pa);
            System.arraycopy(b.pixels(), i * pb, px, i * (pa + pb) + pa, pb);
        }
        return new ImageDataset(name, a.channels() + b.channels(), a.height(), a.width(), px, null, List.of(),
                new Pairing(a.channels(), b.channels(), aligned));
    }

    private static int[] rows(int have, int n, SplittableRandom rng) {
        int[] out = new int[n];
        int[] perm = new int[have];
        for (int i = 0; i < n; i++) {
            int k = i % have;
            if (k == 0) {
                for (int j = 0; j < have; j++) {
                    perm[j] = j;
                }
                for (int j = have - 1; j > 0; j--) {
                    int r = rng.nextInt(j + 1);
                    int t = perm[j];
                    perm[j] = perm[r];
                    perm[r] = t;
                }
            }
            out[i] = perm[k];
        }
        return out;
    }

    private static ImageFiles.Decoded select(ImageFiles.Decoded d, int[] rows) {
        int per = d.channels() * d.height() * d.width();
        byte[] px = new byte[rows.length * per];
        List<Path> files = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(d.pixels(), rows[i] * per, px, i * per, per);
            files.add(d.files().get(rows[i]));
        }
        return new ImageFiles.Decoded(files, d.channels(), d.height(), d.width(), px);
    }

    private static Map<String, Path> byStem(List<Path> files) {
        Map<String, Path> m = new LinkedHashMap<>();
        for (Path f : files) {
            Path old = m.put(ImageFiles.stem(f), f);
            if (old != null) {
                throw new DataException(f + ": has the same name as " + old.getFileName() + "; a pair partner must "
                        + "be unique");
            }
        }
        return m;
    }

    private static Path dir(Path root, String name) {
        Path d = root.resolve(name);
        if (!Files.isDirectory(d)) {
            throw new DataException(root + ": missing folder " + name + "/ (unpaired data needs trainA/ and trainB/, "
                    + "and testA/, testB/ for the test split)");
        }
        return d;
    }

    /** {@code side/split} when the side is split into train/test folders, else {@code side} itself. */
    private static Path splitDir(Path side, String split) {
        if (!Files.isDirectory(side)) {
            throw new DataException(side + ": missing folder (paired data needs A/ and B/ with matching file names)");
        }
        Path s = side.resolve(split);
        return Files.isDirectory(s) ? s : side;
    }

    private static Path sideBySideDir(Path root, String split) {
        for (String n : split.equals("test") ? new String[]{"test", "val"} : new String[]{"train"}) {
            if (Files.isDirectory(root.resolve(n))) {
                return root.resolve(n);
            }
        }
        return root;
    }
}
