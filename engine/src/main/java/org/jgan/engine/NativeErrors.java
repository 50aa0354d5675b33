package org.jgan.engine;

/**
 * Messages of libtorch's exceptions, for one-line user errors: after their first line they carry a C++ backtrace
 * that says nothing to a user.
 */
public final class NativeErrors {
    private NativeErrors() {
    }

    /** The first line of {@code message}, stripped; "unknown error" when there is none. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String t = message.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
