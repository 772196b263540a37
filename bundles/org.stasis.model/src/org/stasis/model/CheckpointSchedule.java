package org.stasis.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** A periodic checkpoint: what to dump, how often, where to, and which images to keep. Persisted as XMI by the scheduler. */
@SuppressWarnings("nls") // feature names
public final class CheckpointSchedule extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("CheckpointSchedule");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute TARGET_PID = attribute(CLASS, "targetPid");
    private static final EAttribute COMMAND_PATTERN = attribute(CLASS, "commandPattern");
    private static final EAttribute USER = attribute(CLASS, "user");
    private static final EAttribute INTERVAL_SECONDS = attribute(CLASS, "intervalSeconds");
    private static final EAttribute CRON_EXPRESSION = attribute(CLASS, "cronExpression");
    private static final EAttribute FOLDER = attribute(CLASS, "folder");
    private static final EAttribute KEEP_LAST = attribute(CLASS, "keepLast");
    private static final EAttribute HOURLY_FOR_HOURS = attribute(CLASS, "hourlyForHours");
    private static final EAttribute DAILY_FOR_DAYS = attribute(CLASS, "dailyForDays");
    private static final EAttribute ENABLED = attribute(CLASS, "enabled");
    private static final EAttribute ID = attribute(CLASS, "id");
    private static final EReference RUNS = reference(CLASS, "runs");
    private static final EReference REQUESTS = reference(CLASS, "requests");

    public CheckpointSchedule() {
        super(CLASS);
    }

    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    /** @return the process to dump, or 0 when it is found by command line */
    public int getTargetPid() {
        return getInt(TARGET_PID);
    }

    public void setTargetPid(int targetPid) {
        set(TARGET_PID, Integer.valueOf(targetPid));
    }

    /** @return a regular expression on the command line, used when there is no target pid */
    public String getCommandPattern() {
        return getString(COMMAND_PATTERN);
    }

    public void setCommandPattern(String commandPattern) {
        set(COMMAND_PATTERN, commandPattern);
    }

    /** @return only processes of this user match the pattern; "" for any */
    public String getUser() {
        return getString(USER);
    }

    public void setUser(String user) {
        set(USER, user);
    }

    /** @return seconds between checkpoints, or 0 when the cron expression applies */
    public long getIntervalSeconds() {
        return getLong(INTERVAL_SECONDS);
    }

    public void setIntervalSeconds(long intervalSeconds) {
        set(INTERVAL_SECONDS, Long.valueOf(intervalSeconds));
    }

    /** @return used when the interval is 0 */
    public String getCronExpression() {
        return getString(CRON_EXPRESSION);
    }

    public void setCronExpression(String cronExpression) {
        set(CRON_EXPRESSION, cronExpression);
    }

    /** @return where the images go */
    public String getFolder() {
        return getString(FOLDER);
    }

    public void setFolder(String folder) {
        set(FOLDER, folder);
    }

    /** @return retention: always keep the newest N images */
    public int getKeepLast() {
        return getInt(KEEP_LAST);
    }

    public void setKeepLast(int keepLast) {
        set(KEEP_LAST, Integer.valueOf(keepLast));
    }

    /** @return retention: also keep one image per hour for this many hours */
    public int getHourlyForHours() {
        return getInt(HOURLY_FOR_HOURS);
    }

    public void setHourlyForHours(int hourlyForHours) {
        set(HOURLY_FOR_HOURS, Integer.valueOf(hourlyForHours));
    }

    /** @return retention: also keep one image per day for this many days */
    public int getDailyForDays() {
        return getInt(DAILY_FOR_DAYS);
    }

    public void setDailyForDays(int dailyForDays) {
        set(DAILY_FOR_DAYS, Integer.valueOf(dailyForDays));
    }

    public boolean isEnabled() {
        return getBoolean(ENABLED);
    }

    public void setEnabled(boolean enabled) {
        set(ENABLED, Boolean.valueOf(enabled));
    }

    /** @return the schedule's identity, stable across renames; the scheduler assigns it when it first stores the schedule */
    public String getId() {
        return getString(ID);
    }

    public void setId(String id) {
        set(ID, id);
    }

    /** @return the recorded runs, oldest first; the scheduler bounds their number */
    public EList<ScheduleRun> getRuns() {
        return getList(RUNS);
    }

    /** @return runs asked for by processes that do not fire the schedules, not yet taken by the owner */
    public EList<RunRequest> getRequests() {
        return getList(REQUESTS);
    }
}
