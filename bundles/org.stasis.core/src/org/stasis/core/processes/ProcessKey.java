package org.stasis.core.processes;

/**
 * Stable identity of a process across snapshots.
 * <p>
 * A pid alone is not enough: the kernel reuses pids, so a view keyed by pid
 * could show a new process in the place (selection, expansion) of a dead one.
 * The start time in clock ticks since boot never changes for a process and
 * differs between two processes that had the same pid.
 *
 * @param pid        the process id
 * @param startTicks field 22 of {@code /proc/PID/stat}: start time in clock ticks after boot
 */
public record ProcessKey(long pid, long startTicks) {

    @Override
    public String toString() {
        return pid + "@" + startTicks; //$NON-NLS-1$
    }
}
