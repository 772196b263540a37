package org.stasis.core.internal.images;

import java.util.Locale;

import org.stasis.core.processes.ProcessFormat;
import org.stasis.image.proto.Vma;

/** The words of a comparison, in one place so entries and the summary say things alike. */
final class Texts {

    private Texts() {
    }

    /** "1,234": comparisons are read by people, and page counts run into the millions. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n); //$NON-NLS-1$
    }

    /** "1 file", "2 files". */
    static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many); //$NON-NLS-1$
    }

    static String bytes(long n) {
        return ProcessFormat.bytes(n);
    }

    /** "0x7f12a000-0x7f13b000 [heap]": the range as /proc/PID/maps shows it, and what it maps. */
    static String vma(Vma v) {
        return String.format(Locale.ROOT, "0x%x-0x%x %s", v.getStart(), v.getEnd(), label(v)).strip(); //$NON-NLS-1$
    }

    private static String label(Vma v) {
        if (!v.getName().isEmpty()) {
            return v.getName();
        }
        if (!v.getPath().isEmpty()) {
            return v.getPath();
        }
        return switch (v.getKind()) {
            case VMA_ANON_SHARED -> "[shared memory]"; //$NON-NLS-1$
            case VMA_ANON_PRIVATE -> "[anonymous]"; //$NON-NLS-1$
            default -> ""; //$NON-NLS-1$
        };
    }

    /** A limit value; RLIM_INFINITY (all bits set) is how the kernel spells "none". */
    static String limit(long value) {
        return value == -1L ? "unlimited" : count(value); //$NON-NLS-1$
    }
}
