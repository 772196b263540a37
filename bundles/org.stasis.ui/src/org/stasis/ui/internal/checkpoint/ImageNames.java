package org.stasis.ui.internal.checkpoint;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.stasis.core.processes.ProcessInfo;

/**
 * Names of new image files: the program and the time, e.g. {@code python3-20261122-103015.stasis},
 * so that a folder of checkpoints sorts by program, then by time, and names never need quoting.
 */
public final class ImageNames {

    /** The extension the engine, the inspector and the Checkpoints view use for images. */
    public static final String EXTENSION = ".stasis"; //$NON-NLS-1$

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT); //$NON-NLS-1$
    private static final String FALLBACK = "process"; //$NON-NLS-1$

    private ImageNames() {
    }

    /** @return a file name for a checkpoint of process taken at time */
    public static String of(ProcessInfo process, LocalDateTime time) {
        return program(process) + '-' + STAMP.format(time) + EXTENSION;
    }

    /**
     * The program's file name from the command line ("/usr/bin/python3 -c ..." gives "python3"); the
     * kernel's short name when there is no command line (kernel threads and zombies show "[name]").
     */
    static String program(ProcessInfo process) {
        String command = process.commandLine().strip();
        String program;
        if (command.isEmpty() || command.startsWith("[")) { //$NON-NLS-1$
            program = process.name(); // a kernel thread's name such as "kworker/0:1" is no path
        } else {
            String first = command.split(" ", 2)[0]; //$NON-NLS-1$
            program = first.substring(first.lastIndexOf('/') + 1);
        }
        String safe = safe(program);
        return safe.isEmpty() ? FALLBACK : safe;
    }

    /** Keeps letters, digits, '.', '_', '+' and '-'; anything a shell or another OS might trip over becomes '_'. */
    private static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-');
            out.append(plain ? c : '_');
        }
        // a leading dot would hide the image, a leading dash would read as an option
        while (!out.isEmpty() && (out.charAt(0) == '.' || out.charAt(0) == '-')) {
            out.deleteCharAt(0);
        }
        return out.toString();
    }
}
