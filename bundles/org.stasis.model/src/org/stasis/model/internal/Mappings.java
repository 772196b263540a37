package org.stasis.model.internal;

import static org.stasis.model.internal.FlagSet.flag;

import java.util.List;

import org.stasis.model.VmaKind;

/** Protection and MAP_* flags of memory areas, in the forms /proc/PID/maps and mmap(2) use. */
@SuppressWarnings("nls") // kernel names
public final class Mappings {

    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int PROT_EXEC = 4;
    private static final int MAP_SHARED = 1;

    private static final FlagSet FLAGS = new FlagSet(List.of(
            flag(MAP_SHARED, "MAP_SHARED"), flag(0x02, "MAP_PRIVATE"), flag(0x10, "MAP_FIXED"),
            flag(0x20, "MAP_ANONYMOUS"), flag(0x100, "MAP_GROWSDOWN"), flag(0x800, "MAP_DENYWRITE"),
            flag(0x1000, "MAP_EXECUTABLE"), flag(0x2000, "MAP_LOCKED"), flag(0x4000, "MAP_NORESERVE"),
            flag(0x8000, "MAP_POPULATE"), flag(0x40000, "MAP_HUGETLB")));

    private Mappings() {
    }

    /**
     * @return "r-xp" as in /proc/PID/maps; shared when the kind or the MAP_SHARED flag says so (the
     *         kind is always recorded, the flags may not be)
     */
    public static String protection(int prot, int flags, VmaKind kind) {
        boolean shared = kind == VmaKind.ANON_SHARED || kind == VmaKind.FILE_SHARED || (flags & MAP_SHARED) != 0;
        return new StringBuilder(4)
                .append((prot & PROT_READ) != 0 ? 'r' : '-')
                .append((prot & PROT_WRITE) != 0 ? 'w' : '-')
                .append((prot & PROT_EXEC) != 0 ? 'x' : '-')
                .append(shared ? 's' : 'p')
                .toString();
    }

    /** @return "MAP_PRIVATE|MAP_GROWSDOWN" */
    public static String flags(int flags) {
        return FLAGS.decode(flags & 0xffffffffL);
    }
}
