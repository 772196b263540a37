package org.stasis.core.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Text forms of process attributes, shared by the workbench and future command-line output so both
 * say the same thing.
 */
public final class ProcessFormat {

    private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
    private static final double STEP = 1024.0;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT); //$NON-NLS-1$
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT); //$NON-NLS-1$

    /** Spaces and tabs around one or more control characters (newlines of a script passed with -c). */
    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*\\p{Cntrl}[\\p{Cntrl} \\t]*"); //$NON-NLS-1$

    private ProcessFormat() {
    }

    /**
     * @return a command line on one line, as a table row or a label shows it: every run of control
     *         characters (with the blanks around it) becomes one space, so {@code python3 -c} with a
     *         script keeps one row's height and stays readable
     */
    public static String oneLine(String commandLine) {
        return LINE_BREAKS.matcher(commandLine).replaceAll(" ").strip(); //$NON-NLS-1$
    }

    /** @return bytes in binary units with one decimal above 1 KiB: "512 B", "1.5 KiB", "12.3 MiB" */
    public static String bytes(long bytes) {
        if (bytes < STEP) {
            return bytes + " " + UNITS[0]; //$NON-NLS-1$
        }
        double value = bytes;
        int unit = 0;
        while (value >= STEP && unit < UNITS.length - 1) {
            value /= STEP;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]); //$NON-NLS-1$
    }

    /** @return "12.5", or "" while there is no second sample to compare with */
    public static String cpu(OptionalDouble percent) {
        return percent.isPresent() ? String.format(Locale.ROOT, "%.1f", percent.getAsDouble()) : ""; //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** @return "HH:mm:ss" for processes started today (in zone), else "yyyy-MM-dd HH:mm" */
    public static String started(Instant start, Instant now, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        return at.toLocalDate().equals(LocalDate.ofInstant(now, zone)) ? TIME.format(at) : DATE_TIME.format(at);
    }
}
