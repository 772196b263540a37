package org.stasis.core.processes;

import java.util.Comparator;
import java.util.Locale;

/**
 * The attributes a process list can be sorted by. Numbers compare as numbers (pid 9 before pid 10);
 * ties fall back to the pid so the order is stable between refreshes.
 */
public enum ProcessField {
    PID(Comparator.comparingLong(ProcessInfo::pid)),
    COMMAND(Comparator.comparing(p -> p.commandLine().toLowerCase(Locale.ROOT))),
    USER(Comparator.comparing(ProcessInfo::user)),
    STATE(Comparator.comparing(ProcessInfo::state)),
    THREADS(Comparator.comparingInt(ProcessInfo::threads)),
    RSS(Comparator.comparingLong(ProcessInfo::rssBytes)),
    /** Processes without a CPU figure yet (first sighting) sort below 0 %. */
    CPU(Comparator.comparingDouble(p -> p.cpuPercent().orElse(-1))),
    STARTED(Comparator.comparing(ProcessInfo::startTime).thenComparingLong(p -> p.key().startTicks()));

    private final Comparator<ProcessInfo> comparator;

    ProcessField(Comparator<ProcessInfo> primary) {
        this.comparator = primary.thenComparingLong(ProcessInfo::pid);
    }

    /** @return ascending order by this field */
    public Comparator<ProcessInfo> comparator() {
        return comparator;
    }
}
