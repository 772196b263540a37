package org.stasis.core.schedule;

/** Thrown when this scheduler is asked to fire a schedule that another process owns. */
public final class NotOwnerException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long ownerPid;

    public NotOwnerException(String scheduleName, long ownerPid) {
        super("schedule '" + scheduleName + "': schedules are run by the service (pid " + ownerPid //$NON-NLS-1$ //$NON-NLS-2$
                + "); run it there, or stop that service to run schedules here"); //$NON-NLS-1$
        this.ownerPid = ownerPid;
    }

    public long ownerPid() {
        return ownerPid;
    }
}
