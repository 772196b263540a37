package org.stasis.core.internal.processes;

import java.util.Objects;

/**
 * The fields Stasis needs from one {@code /proc/PID/stat} line (see proc(5)).
 *
 * @param comm       field 2 without its parentheses
 * @param state      field 3
 * @param ppid       field 4
 * @param cpuTicks   fields 14 + 15 (utime + stime)
 * @param threads    field 20
 * @param startTicks field 22
 */
public record StatLine(String comm, char state, long ppid, long cpuTicks, int threads, long startTicks) {

    /** Index of "state" (field 3) in the part after the closing parenthesis of comm. */
    private static final int STATE = 0;
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int THREADS = 17;
    private static final int STARTTIME = 19;

    public StatLine {
        Objects.requireNonNull(comm, "comm"); //$NON-NLS-1$
    }

    /**
     * Parses a stat line.
     * <p>
     * comm may contain spaces and parentheses ({@code (sd-pam)}, {@code a) b}), so it cannot be
     * split on blanks: it runs from the first '(' to the <em>last</em> ')' of the line; only the kernel
     * writes after that, and never a parenthesis.
     *
     * @throws ProcFormatException if the line is truncated or malformed
     */
    public static StatLine parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new ProcFormatException("no (comm) in stat line: " + line); //$NON-NLS-1$
        }
        String comm = line.substring(open + 1, close);
        String[] f = line.substring(close + 1).trim().split(" +"); //$NON-NLS-1$
        if (f.length <= STARTTIME || f[STATE].length() != 1) {
            throw new ProcFormatException("truncated stat line: " + line); //$NON-NLS-1$
        }
        try {
            return new StatLine(comm, f[STATE].charAt(0), Long.parseLong(f[PPID]),
                    Long.parseLong(f[UTIME]) + Long.parseLong(f[STIME]), Integer.parseInt(f[THREADS]),
                    Long.parseLong(f[STARTTIME]));
        } catch (NumberFormatException e) {
            throw new ProcFormatException("bad number in stat line: " + line); //$NON-NLS-1$
        }
    }
}
