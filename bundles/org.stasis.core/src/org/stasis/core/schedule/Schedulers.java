package org.stasis.core.schedule;

import java.nio.file.Path;

import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.internal.schedule.SchedulerEnvironment;
import org.stasis.core.internal.schedule.SchedulesFileLocation;

/** Opens schedulers, and knows where a user's schedules are kept. */
@SuppressWarnings("nls") // names of properties, variables and files
public final class Schedulers {

    /** System property that overrides where the schedules file is (the service's --schedules sets it). */
    public static final String FILE_PROPERTY = "stasis.schedules";
    /** Environment variable that overrides where the schedules file is. */
    public static final String FILE_VARIABLE = "STASIS_SCHEDULES";

    private Schedulers() {
    }

    /**
     * Loads the schedules of file (none when it does not exist yet), takes the file's
     * {@link SchedulerLock} if nobody live holds it, and starts firing when it got it. A scheduler
     * that did not get the lock watches it and takes over when its owner goes away.
     *
     * @param checkpointer takes the checkpoints, e.g. {@code EngineCheckpointer} bound to the engine
     * @throws ScheduleFileException when the file cannot be read or holds invalid schedules; the
     *                               message names the schedule and the field, the file is not touched
     */
    public static Scheduler open(Path file, Checkpointer checkpointer) throws ScheduleFileException {
        return DefaultScheduler.open(file, SchedulerEnvironment.system(checkpointer));
    }

    /**
     * @return the user's schedules file: {@value #FILE_PROPERTY} or ${@value #FILE_VARIABLE} when
     *         set, else {@code $XDG_DATA_HOME/stasis/schedules.xmi}, else
     *         {@code ~/.local/share/stasis/schedules.xmi}
     */
    public static Path defaultSchedulesFile() {
        return SchedulesFileLocation.resolve(System.getenv(), System.getProperty("user.home"), System.getProperty(FILE_PROPERTY));
    }
}
