package org.jgan.core.data.clips;

import java.util.List;
import org.jgan.core.data.DataException;

/**
 * Clips held in memory: {@code pixels} is N x C x T x H x W unsigned bytes. A user's folder of clips is read into one
 * of these; a slice of any {@link ClipSource} can be held as one for evaluation.
 *
 * @param trajectory per clip, frame and object the centre of mass (x, y), N x T x objects x 2, or null
 * @param objects    moving objects per clip in {@code trajectory}, 0 when it is null
 */
public record Clips(String name, int channels, int frames, int height, int width, byte[] pixels, int[] labels,
                    List<String> classNames, float[] trajectory, int objects) implements ClipSource {
    public Clips {
        if (channels != 1 && channels != 3) {
            throw new DataException(name + ": clips must have 1 or 3 channels, got " + channels);
        }
        if (frames <= 0 || height <= 0 || width <= 0) {
            throw new DataException(name + ": clip size " + frames + " frames of " + height + "x" + width
                    + " is not positive");
        }
        long per = (long) channels * frames * height * width;
        if (pixels.length == 0 || pixels.length % per != 0) {
            throw new DataException(name + ": " + pixels.length + " bytes is not a whole number of clips of "
                    + frames + " frames of " + channels + "x" + height + "x" + width);
        }
        int n = (int) (pixels.length / per);
        if (labels != null && labels.length != n) {
            throw new DataException(name + ": " + n + " clips but " + labels.length + " labels");
        }
        if (trajectory != null && trajectory.length != (long) n * frames * objects * 2) {
            throw new DataException(name + ": the trajectories do not match " + n + " clips of " + frames
                    + " frames and " + objects + " objects");
        }
        classNames = List.copyOf(classNames);
    }

    /** The clips {@code idx} of {@code source}, rendered into memory. */
    public static Clips of(ClipSource source, int[] idx, String name) {
        int per = source.clipBytes();
        byte[] px = new byte[idx.length * per];
        int[] labels = source.labelled() ? new int[idx.length] : null;
        int k = source.objects();
        float[] traj = k > 0 ? new float[idx.length * source.frames() * k * 2] : null;
        for (int j = 0; j < idx.length; j++) {
            source.render(idx[j], px, j * per);
            if (labels != null) {
                labels[j] = source.label(idx[j]);
            }
            if (traj != null) {
                float[] t = source.trajectory(idx[j]);
                System.arraycopy(t, 0, traj, j * t.length, t.length);
            }
        }
        return new Clips(name, source.channels(), source.frames(), source.height(), source.width(), px, labels,
                source.classNames(), traj, k);
    }

    @Override
    public int size() {
        return pixels.length / clipBytes();
    }

    @Override
    public void render(int i, byte[] dst, int offset) {
        System.arraycopy(pixels, i * clipBytes(), dst, offset, clipBytes());
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    @Override
    public float[] trajectory(int i) {
        if (trajectory == null) {
            return null;
        }
        int per = frames * objects * 2;
        return java.util.Arrays.copyOfRange(trajectory, i * per, (i + 1) * per);
    }
}
