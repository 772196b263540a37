package org.stasis.model;

import java.time.Instant;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** One run of a checkpoint schedule, as its history records it: also skipped runs, with the reason. */
@SuppressWarnings("nls") // feature names
public final class ScheduleRun extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("ScheduleRun");
    private static final EAttribute STARTED_UNIX_MS = attribute(CLASS, "startedUnixMs");
    private static final EAttribute DURATION_MS = attribute(CLASS, "durationMs");
    private static final EAttribute FREEZE_MS = attribute(CLASS, "freezeMs");
    private static final EAttribute IMAGE_BYTES = attribute(CLASS, "imageBytes");
    private static final EAttribute RESULT = attribute(CLASS, "result");
    private static final EAttribute MESSAGE = attribute(CLASS, "message");
    private static final EAttribute IMAGE = attribute(CLASS, "image");
    private static final EAttribute PID = attribute(CLASS, "pid");
    private static final EAttribute MANUAL = attribute(CLASS, "manual");
    private static final EAttribute REQUEST_ID = attribute(CLASS, "requestId");

    public ScheduleRun() {
        super(CLASS);
    }

    /** @return when the run started, in milliseconds since the epoch */
    public long getStartedUnixMs() {
        return getLong(STARTED_UNIX_MS);
    }

    public void setStartedUnixMs(long startedUnixMs) {
        set(STARTED_UNIX_MS, Long.valueOf(startedUnixMs));
    }

    /** @return {@link #getStartedUnixMs()} as an instant */
    public Instant getStarted() {
        return Instant.ofEpochMilli(getStartedUnixMs());
    }

    /** @return wall-clock time of the whole run, engine start to image written; 0 when skipped */
    public long getDurationMs() {
        return getLong(DURATION_MS);
    }

    public void setDurationMs(long durationMs) {
        set(DURATION_MS, Long.valueOf(durationMs));
    }

    /** @return how long the tree was frozen, as the engine measured it; 0 unless {@link RunResult#OK} */
    public double getFreezeMs() {
        return getDouble(FREEZE_MS);
    }

    public void setFreezeMs(double freezeMs) {
        set(FREEZE_MS, Double.valueOf(freezeMs));
    }

    /** @return size of the image file written; 0 unless {@link RunResult#OK} */
    public long getImageBytes() {
        return getLong(IMAGE_BYTES);
    }

    public void setImageBytes(long imageBytes) {
        set(IMAGE_BYTES, Long.valueOf(imageBytes));
    }

    public RunResult getResult() {
        return getEnum(RESULT, RunResult.class);
    }

    public void setResult(RunResult result) {
        set(RESULT, result);
    }

    /** @return why the run was skipped or how it failed; "" when it went well */
    public String getMessage() {
        return getString(MESSAGE);
    }

    public void setMessage(String message) {
        set(MESSAGE, message);
    }

    /** @return path of the image written (it may since have been removed by retention); "" when none */
    public String getImage() {
        return getString(IMAGE);
    }

    public void setImage(String image) {
        set(IMAGE, image);
    }

    /** @return the process checkpointed, or 0 when no target was found */
    public int getPid() {
        return getInt(PID);
    }

    public void setPid(int pid) {
        set(PID, Integer.valueOf(pid));
    }

    /** @return true when someone asked for this run ("run now") rather than the timer */
    public boolean isManual() {
        return getBoolean(MANUAL);
    }

    public void setManual(boolean manual) {
        set(MANUAL, Boolean.valueOf(manual));
    }

    /** @return the {@link RunRequest} this run answers; "" when the scheduler that ran it was asked directly or the timer fired */
    public String getRequestId() {
        return getString(REQUEST_ID);
    }

    public void setRequestId(String requestId) {
        set(REQUEST_ID, requestId);
    }
}
