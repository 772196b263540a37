package org.stasis.core.schedule;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The schedules file cannot be used: unreadable, not a schedules file, or holding invalid schedules.
 * The file is left as it is, so that the user can fix or move it.
 */
public final class ScheduleFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ScheduleFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + "; fix the file or move it away (it is left untouched)", cause); //$NON-NLS-1$ //$NON-NLS-2$
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
