package org.stasis.core.schedule;

import java.nio.file.Path;

/**
 * Thrown when a schedule is to run now in a process that does not fire the schedules, and no process
 * does: there is nobody to ask (the lock is free for a moment, or its folder is not writable here).
 * While another process owns the schedules, {@link Scheduler#runNow} asks that one instead.
 */
public final class NotOwnerException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NotOwnerException(String scheduleName, Path schedulesFile) {
        super("schedule '" + scheduleName + "': no scheduler runs the schedules of " + schedulesFile //$NON-NLS-1$ //$NON-NLS-2$
                + " (nobody holds their lock); try again in a moment, or check that the folder is writable"); //$NON-NLS-1$
    }
}
