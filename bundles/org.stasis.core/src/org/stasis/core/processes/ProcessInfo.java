package org.stasis.core.processes;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One process as read from {@code /proc} at one instant. Immutable.
 *
 * @param key         stable identity (pid + start ticks)
 * @param ppid        parent pid (0 for processes whose parent is outside our pid namespace)
 * @param uid         real user id
 * @param user        user name, or the numeric uid when /etc/passwd does not know it
 * @param state       state letter of {@code /proc/PID/stat} (R, S, D, Z, T, t, I, X, ...)
 * @param threads     number of threads
 * @param rssBytes    resident set size in bytes (0 for kernel threads and zombies)
 * @param cpuTicks    utime + stime in clock ticks, the raw counter behind {@link #cpuPercent()}
 * @param cpuPercent  CPU use between the previous snapshot and this one, in percent of one CPU;
 *                    empty on the first snapshot of a process
 * @param startTime   wall-clock start time (boot time + start ticks)
 * @param name        the kernel's comm (at most 15 characters, may contain spaces and parentheses)
 * @param commandLine the command line with arguments separated by spaces, or {@code [name]} for
 *                    kernel threads and zombies, which have no command line
 */
public record ProcessInfo(ProcessKey key, long ppid, int uid, String user, char state, int threads, long rssBytes,
        long cpuTicks, OptionalDouble cpuPercent, Instant startTime, String name, String commandLine) {

    public ProcessInfo {
        Objects.requireNonNull(key, "key"); //$NON-NLS-1$
        Objects.requireNonNull(user, "user"); //$NON-NLS-1$
        Objects.requireNonNull(cpuPercent, "cpuPercent"); //$NON-NLS-1$
        Objects.requireNonNull(startTime, "startTime"); //$NON-NLS-1$
        Objects.requireNonNull(name, "name"); //$NON-NLS-1$
        Objects.requireNonNull(commandLine, "commandLine"); //$NON-NLS-1$
    }

    public long pid() {
        return key.pid();
    }

    /** @return a copy carrying the CPU use computed against an earlier snapshot */
    public ProcessInfo withCpuPercent(OptionalDouble percent) {
        return new ProcessInfo(key, ppid, uid, user, state, threads, rssBytes, cpuTicks, percent, startTime, name,
                commandLine);
    }
}
