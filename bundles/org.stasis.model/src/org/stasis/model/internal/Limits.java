package org.stasis.model.internal;

import java.util.Locale;

/** Names of resource limits and interval timers by their kernel numbers. */
@SuppressWarnings("nls") // kernel names
public final class Limits {

    private static final String[] RLIMITS = { "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
            "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
            "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO",
            "RLIMIT_RTTIME" };

    private static final String[] ITIMERS = { "ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF" };

    private Limits() {
    }

    /**
     * @param recorded the name the engine wrote ("nofile"), used for a resource newer than this table
     * @return "RLIMIT_NOFILE"
     */
    public static String rlimit(int resource, String recorded) {
        if (resource >= 0 && resource < RLIMITS.length) {
            return RLIMITS[resource];
        }
        return recorded.isEmpty() ? "RLIMIT_" + resource : "RLIMIT_" + recorded.toUpperCase(Locale.ROOT);
    }

    /** @return "ITIMER_REAL" */
    public static String itimer(int which) {
        return which >= 0 && which < ITIMERS.length ? ITIMERS[which] : "ITIMER_" + which;
    }
}
