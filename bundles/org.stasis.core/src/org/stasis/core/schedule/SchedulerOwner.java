package org.stasis.core.schedule;

/**
 * Who fires the schedules of a file.
 *
 * @param ours true when this scheduler holds the lock
 * @param pid  the owning process, 0 when nobody holds the lock
 */
public record SchedulerOwner(boolean ours, long pid) {

    /** @return for a view: "" when ours, else who runs the schedules */
    public String describe() {
        if (ours) {
            return ""; //$NON-NLS-1$
        }
        return pid == 0 ? "schedules are not run: no scheduler holds the lock" //$NON-NLS-1$
                : "schedules are run by the service (pid " + pid + ")"; //$NON-NLS-1$ //$NON-NLS-2$
    }
}
