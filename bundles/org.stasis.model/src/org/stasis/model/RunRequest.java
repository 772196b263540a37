package org.stasis.model;

import java.time.Instant;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/**
 * A "run now" asked for by a process that does not fire the schedules (the workbench while the
 * service holds the lock). It waits in its schedule until the owner runs it; the owner records the
 * run with the same {@link #getRequestId() request id} and removes the request.
 */
@SuppressWarnings("nls") // feature names
public final class RunRequest extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("RunRequest");
    private static final EAttribute REQUEST_ID = attribute(CLASS, "requestId");
    private static final EAttribute REQUESTED_UNIX_MS = attribute(CLASS, "requestedUnixMs");
    private static final EAttribute REQUESTER_PID = attribute(CLASS, "requesterPid");

    public RunRequest() {
        super(CLASS);
    }

    /** @return identifies the request, and later the run that answers it ({@link ScheduleRun#getRequestId()}) */
    public String getRequestId() {
        return getString(REQUEST_ID);
    }

    public void setRequestId(String requestId) {
        set(REQUEST_ID, requestId);
    }

    /** @return when it was asked, in milliseconds since the epoch */
    public long getRequestedUnixMs() {
        return getLong(REQUESTED_UNIX_MS);
    }

    public void setRequestedUnixMs(long requestedUnixMs) {
        set(REQUESTED_UNIX_MS, Long.valueOf(requestedUnixMs));
    }

    /** @return {@link #getRequestedUnixMs()} as an instant */
    public Instant getRequested() {
        return Instant.ofEpochMilli(getRequestedUnixMs());
    }

    /** @return the process that asked */
    public long getRequesterPid() {
        return getLong(REQUESTER_PID);
    }

    public void setRequesterPid(long requesterPid) {
        set(REQUESTER_PID, Long.valueOf(requesterPid));
    }
}
