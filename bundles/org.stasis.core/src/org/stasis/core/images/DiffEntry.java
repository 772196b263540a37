package org.stasis.core.images;

import java.util.Objects;

/**
 * One difference between two images of a process tree, as {@link ImageComparison} finds it.
 * What the two values hold depends on the kind (0 stands for the side that lacks the thing):
 * <ul>
 * <li>PROCESS_ADDED, PROCESS_GONE: start time in clock ticks since boot;</li>
 * <li>VMA_*: the mapping's size in bytes;</li>
 * <li>PAGES_CHANGED: olderValue is the pages compared (stored in either image), newerValue the
 * pages whose content differs;</li>
 * <li>FILE_*: the file offset;</li>
 * <li>LIMIT_CHANGED: the soft limit (RLIM_INFINITY is -1, all bits set);</li>
 * <li>CREDENTIALS_CHANGED: the field named by subject (a count for groups).</li>
 * </ul>
 *
 * @param pid     the process the entry is about
 * @param subject short text naming the thing ("0x7f12a000-0x7f13b000 [heap]", "fd 3 /var/log/x.log")
 * @param detail  the change in words ("grew from 132.0 KiB to 4.1 MiB", "offset 1,234 -> 9,876")
 */
public record DiffEntry(Kind kind, int pid, String subject, String detail, long olderValue, long newerValue) {

    public enum Kind {
        PROCESS_ADDED,
        PROCESS_GONE,
        VMA_ADDED,
        VMA_REMOVED,
        VMA_GROWN,
        VMA_SHRUNK,
        PAGES_CHANGED,
        FILE_OPENED,
        FILE_CLOSED,
        /** Same fd and path, another offset. */
        FILE_MOVED,
        LIMIT_CHANGED,
        CREDENTIALS_CHANGED
    }

    public DiffEntry {
        Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
        subject = subject == null ? "" : subject; //$NON-NLS-1$
        detail = detail == null ? "" : detail; //$NON-NLS-1$
    }
}
