package org.jgan.engine;

import org.bytedeco.javacpp.Pointer;

/** Readings of native memory, for the tests and logs that prove it stays flat. */
public final class NativeMemory {
    private NativeMemory() {
    }

    /** Bytes JavaCPP has allocated and not yet freed through its own allocator. */
    public static long trackedBytes() {
        return Pointer.totalBytes();
    }

    /** Number of JavaCPP pointers with a deallocator still alive (tensors, vectors, options...). */
    public static long liveObjects() {
        return Pointer.totalCount();
    }

    /** Resident set size of the process in bytes, including libtorch's own allocations. */
    public static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
