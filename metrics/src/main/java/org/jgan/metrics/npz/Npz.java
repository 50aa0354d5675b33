package org.jgan.metrics.npz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jgan.core.data.DataException;
import org.jgan.core.train.AtomicFiles;

/**
 * Reads and writes numpy's {@code .npz} files (a zip of {@code .npy} arrays), the format of pytorch-fid's statistics
 * ({@code mu} [d] and {@code sigma} [d, d] as little-endian float64). Reads npy format versions 1-3, float32/64 and
 * integer arrays of either byte order, C or Fortran order, stored or deflated entries (np.savez and
 * np.savez_compressed). Writes float64, C order, version 1.0, deflated, as np.savez_compressed does; single
 * {@code .npy} files are {@link Npy}'s.
 */
public final class Npz {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    /** All arrays of {@code file}, by name without the ".npy" suffix, in file order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                String key = name.substring(0, name.length() - 4);
                out.put(key, readNpy(zip.readAllBytes(), file + ":" + key));
            }
        } catch (java.util.zip.ZipException | java.io.EOFException ex) {
            // A file cut short inside a zip header ends in an EOFException without a message.
            throw new DataException(file + ": not a .npz file, or cut short (" + (ex.getMessage() != null
                    ? ex.getMessage() : "it ends inside a zip entry") + ")");
        }
        if (out.isEmpty()) {
            throw new DataException(file + ": not a .npz file (a zip of .npy arrays): no arrays found");
        }
        return out;
    }

    /** Writes {@code arrays} as float64 .npy entries of a new .npz file. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, false);
    }

    /** Writes {@code arrays} as float32 ({@code float32}) or float64 .npy entries of a new .npz file. */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean float32) throws IOException {
        AtomicFiles.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npyBytes(e.getValue(), float32));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    static byte[] npyBytes(NpyArray a, boolean float32) {
        byte[] header = Npy.header(float32 ? "<f4" : "<f8", a.shape());
        ByteBuffer b = ByteBuffer.allocate(header.length + (float32 ? 4 : 8) * a.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (double v : a.data()) {
            if (float32) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return b.array();
    }

    static NpyArray readNpy(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : Npy.MAGIC) {
            if (b.remaining() == 0 || b.get() != m) {
                throw new DataException(name + ": not a .npy array (bad magic)");
            }
        }
        int major = b.get();
        b.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        if (headerLen < 0 || headerLen > b.remaining()) {
            throw new DataException(name + ": truncated .npy header");
        }
        byte[] h = new byte[headerLen];
        b.get(h);
        String header = new String(h, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new DataException(name + ": unsupported .npy header " + header.trim()
                    + " (expected a float or integer array)");
        }
        long[] shape = parseShape(s.group(1), name);
        long n = 1;
        for (long x : shape) {
            n *= x;
        }
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        if ((kind == 'f' && size != 4 && size != 8) || (kind != 'f' && size != 1 && size != 2 && size != 4
                && size != 8)) {
            throw new DataException(name + ": unsupported dtype " + d.group(0) + " (use float32 or float64)");
        }
        if (n * size != b.remaining()) {
            throw new DataException(name + ": holds " + b.remaining() + " data bytes, but shape "
                    + java.util.Arrays.toString(shape) + " of " + size + "-byte values needs " + n * size);
        }
        b.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = read(b, kind, size);
        }
        if (f.group(1).equals("True") && shape.length > 1) {
            v = fortranToC(v, shape);
        }
        return new NpyArray(shape, v);
    }

    private static double read(ByteBuffer b, char kind, int size) {
        if (kind == 'f') {
            return size == 4 ? b.getFloat() : b.getDouble();
        }
        long x = switch (size) {
            case 1 -> kind == 'u' ? Byte.toUnsignedLong(b.get()) : b.get();
            case 2 -> kind == 'u' ? Short.toUnsignedLong(b.getShort()) : b.getShort();
            case 4 -> kind == 'u' ? Integer.toUnsignedLong(b.getInt()) : b.getInt();
            default -> b.getLong();
        };
        return x;
    }

    private static long[] parseShape(String s, String name) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new long[0];
        }
        String[] parts = t.split(",");
        int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        long[] shape = new long[n];
        try {
            for (int i = 0; i < n; i++) {
                shape[i] = Long.parseLong(parts[i].trim().replace("L", ""));
            }
        } catch (NumberFormatException e) {
            throw new DataException(name + ": bad shape (" + s + ") in .npy header");
        }
        return shape;
    }

    /** Reorders column-major values into row-major order. */
    private static double[] fortranToC(double[] v, long[] shape) {
        int dims = shape.length;
        double[] out = new double[v.length];
        int[] idx = new int[dims];
        for (int c = 0; c < v.length; c++) {
            // c is the row-major position of idx; find its column-major position.
            long fpos = 0;
            long stride = 1;
            for (int k = 0; k < dims; k++) {
                fpos += idx[k] * stride;
                stride *= shape[k];
            }
            out[c] = v[(int) fpos];
            for (int k = dims - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return out;
    }
}
