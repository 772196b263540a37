package org.stasis.core.internal.processes;

import java.util.List;

/**
 * The fields Stasis needs from {@code /proc/PID/status}.
 *
 * @param uid      real uid (first number of the "Uid:" line)
 * @param rssBytes "VmRSS:" in bytes; 0 when absent (kernel threads and zombies have no memory)
 */
public record StatusFile(int uid, long rssBytes) {

    private static final long KIB = 1024;

    /** @throws ProcFormatException if there is no Uid line (a truncated read) */
    public static StatusFile parse(List<String> lines) {
        Integer uid = null;
        long rss = 0;
        for (String line : lines) {
            if (line.startsWith("Uid:")) { //$NON-NLS-1$
                uid = Integer.valueOf(firstNumber(line));
            } else if (line.startsWith("VmRSS:")) { //$NON-NLS-1$
                rss = Long.parseLong(firstNumber(line)) * KIB;
            }
        }
        if (uid == null) {
            throw new ProcFormatException("no Uid line in status"); //$NON-NLS-1$
        }
        return new StatusFile(uid.intValue(), rss);
    }

    private static String firstNumber(String line) {
        String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+"); //$NON-NLS-1$
        if (f.length == 0 || f[0].isEmpty()) {
            throw new ProcFormatException("no value in status line: " + line); //$NON-NLS-1$
        }
        return f[0];
    }
}
