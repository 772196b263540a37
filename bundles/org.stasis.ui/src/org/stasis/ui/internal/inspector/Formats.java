package org.stasis.ui.internal.inspector;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.stasis.model.Rlimit;

/** How the inspector writes numbers: sizes in binary units, addresses in hex, limits with their unit. */
public final class Formats {

    private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT) //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());
    /** Limits the kernel counts in bytes (getrlimit(2)); the others count seconds, files, processes... */
    private static final Set<String> BYTE_LIMITS = Set.of("RLIMIT_AS", "RLIMIT_CORE", "RLIMIT_DATA", "RLIMIT_FSIZE", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            "RLIMIT_MEMLOCK", "RLIMIT_MSGQUEUE", "RLIMIT_RSS", "RLIMIT_STACK"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

    private Formats() {
    }

    /** "1.5 MiB"; exact bytes below 1 KiB. Unsigned: a 2^64-sized range prints as 16 EiB. */
    public static String bytes(long n) {
        if (Long.compareUnsigned(n, 1024) < 0) {
            return n + " B"; //$NON-NLS-1$
        }
        double v = n >= 0 ? n : n + 0x1p64;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, UNITS[unit]); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** "0x00007f3a12340000": fixed width, so addresses line up and sort as text too. */
    static String address(long a) {
        return String.format("0x%016x", a); //$NON-NLS-1$
    }

    /** "0x7f3a12340000-0x7f3a12360000" as in /proc/PID/maps, with the 0x a user would paste. */
    static String range(long start, long end) {
        return "0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end); //$NON-NLS-1$ //$NON-NLS-2$
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v); //$NON-NLS-1$
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** "512.3 ms" */
    public static String millis(long ns) {
        return String.format(Locale.ROOT, "%.1f ms", ns / 1e6); //$NON-NLS-1$
    }

    /** A limit value in its unit: "8.0 MiB" for RLIMIT_STACK, "1024" for RLIMIT_NOFILE, "unlimited". */
    static String limit(Rlimit limit, long value) {
        if (value == Rlimit.UNLIMITED) {
            return Messages.Limit_Unlimited;
        }
        if (BYTE_LIMITS.contains(limit.getName())) {
            return bytes(value);
        }
        if ("RLIMIT_CPU".equals(limit.getName()) || "RLIMIT_RTTIME".equals(limit.getName())) { //$NON-NLS-1$ //$NON-NLS-2$
            return NLS.bind("RLIMIT_CPU".equals(limit.getName()) ? Messages.Limit_Seconds : Messages.Limit_Micros, //$NON-NLS-1$
                    Long.toUnsignedString(value));
        }
        return Long.toUnsignedString(value);
    }

    /** "3/5" as a fraction of pages with the percentage, for pages stored of a region. */
    static String pages(long stored, long total) {
        return total == 0 ? Long.toString(stored) : stored + " / " + total; //$NON-NLS-1$
    }
}
