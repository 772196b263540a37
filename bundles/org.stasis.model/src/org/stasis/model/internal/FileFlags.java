package org.stasis.model.internal;

import static org.stasis.model.internal.FlagSet.flag;

import java.util.List;

/** O_* file status flags as /proc/PID/fdinfo reports them (x86_64 and aarch64 share the values). */
@SuppressWarnings("nls") // kernel names
public final class FileFlags {

    /** the access mode is a two-bit number, not a set of flags */
    public static final int O_ACCMODE = 03;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;

    private static final String[] ACCESS = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };

    private static final FlagSet FLAGS = new FlagSet(List.of(
            flag(04010000, "O_SYNC"), // __O_SYNC | O_DSYNC
            flag(020200000, "O_TMPFILE"), // __O_TMPFILE | O_DIRECTORY
            flag(0100, "O_CREAT"), flag(0200, "O_EXCL"), flag(0400, "O_NOCTTY"), flag(01000, "O_TRUNC"),
            flag(02000, "O_APPEND"), flag(04000, "O_NONBLOCK"), flag(010000, "O_DSYNC"),
            flag(020000, "O_ASYNC"), flag(040000, "O_DIRECT"), flag(0100000, "O_LARGEFILE"),
            flag(0200000, "O_DIRECTORY"), flag(0400000, "O_NOFOLLOW"), flag(01000000, "O_NOATIME"),
            flag(02000000, "O_CLOEXEC"), flag(010000000, "O_PATH")));

    private FileFlags() {
    }

    /** @return the access mode and the other flags: "O_WRONLY|O_APPEND|O_LARGEFILE" */
    public static String decode(int flags) {
        String rest = FLAGS.decode(flags & ~O_ACCMODE & 0xffffffffL);
        String access = ACCESS[flags & O_ACCMODE];
        return rest.isEmpty() ? access : access + '|' + rest;
    }

    /** @return whether a descriptor opened with these flags can read */
    public static boolean reads(int flags) {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    /** @return whether a descriptor opened with these flags can write */
    public static boolean writes(int flags) {
        return (flags & O_ACCMODE) != O_RDONLY;
    }
}
