package org.stasis.core.processes;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All processes visible in one read of {@code /proc}. Immutable.
 * <p>
 * A snapshot is not atomic (the kernel offers no way to read all processes at once): a process
 * that exited while it was read is simply absent.
 */
public final class ProcessSnapshot {

    private final Map<ProcessKey, ProcessInfo> byKey;
    private final Map<Long, ProcessInfo> byPid;
    private final double uptimeSeconds;
    private final Instant takenAt;

    /**
     * @param processes     the processes, in any order
     * @param uptimeSeconds {@code /proc/uptime} at the time of the read: the monotonic clock CPU
     *                      percentages are computed against
     * @param takenAt       wall-clock time of the read
     */
    public ProcessSnapshot(Collection<ProcessInfo> processes, double uptimeSeconds, Instant takenAt) {
        Map<ProcessKey, ProcessInfo> keys = new LinkedHashMap<>();
        Map<Long, ProcessInfo> pids = new LinkedHashMap<>();
        for (ProcessInfo p : processes) {
            keys.put(p.key(), p);
            pids.put(p.pid(), p);
        }
        this.byKey = Collections.unmodifiableMap(keys);
        this.byPid = Collections.unmodifiableMap(pids);
        this.uptimeSeconds = uptimeSeconds;
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt"); //$NON-NLS-1$
    }

    public List<ProcessInfo> processes() {
        return List.copyOf(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    public Optional<ProcessInfo> get(ProcessKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return the process that currently has this pid, if any */
    public Optional<ProcessInfo> byPid(long pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    public double uptimeSeconds() {
        return uptimeSeconds;
    }

    public Instant takenAt() {
        return takenAt;
    }
}
