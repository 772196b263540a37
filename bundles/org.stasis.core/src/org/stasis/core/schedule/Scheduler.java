package org.stasis.core.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;

/**
 * Runs periodic checkpoints: the one object the workbench and the headless service talk to.
 * Open one with {@link Schedulers#open(Path)}.
 * <p>
 * Every schedule is identified by its {@link CheckpointSchedule#getId() id}. What this interface
 * hands out are <em>copies</em> (with their run history): read them freely on any thread, edit a copy
 * and give it back to {@link #save(CheckpointSchedule)}. The scheduler never shares the objects it
 * fires from, so a view cannot see a half-updated schedule.
 * <p>
 * Several schedulers (the workbench and the service, in two processes) may open the same file; only
 * the owner of its {@link SchedulerLock} fires schedules and records runs. The others still edit
 * schedules and see the owner's runs, as the file changes. {@link #owner()} tells who fires.
 * <p>
 * Listeners are called on the scheduler's own threads, never while it holds its locks: a UI must
 * hop to its display thread.
 */
public interface Scheduler extends AutoCloseable {

    /** @return the file the schedules and their histories are kept in */
    Path schedulesFile();

    /** @return copies of every schedule with its history, in the file's order */
    List<CheckpointSchedule> schedules();

    /** @return a copy of the schedule with this id, with its history */
    Optional<CheckpointSchedule> find(String id);

    /**
     * Adds a schedule (empty id: one is assigned) or replaces the settings of the stored one with the
     * same id; the stored history is kept and the history of the argument ignored. The file is
     * written before this returns and the schedule is planned anew.
     *
     * @return a copy of the schedule as stored, with its id
     * @throws ScheduleValidationException naming every field that is wrong; nothing is stored
     * @throws IOException when the file cannot be written; nothing is stored
     */
    CheckpointSchedule save(CheckpointSchedule schedule) throws ScheduleValidationException, IOException;

    /**
     * Removes a schedule and its history. Its images stay on disk: they are the user's data.
     *
     * @return false when there was no such schedule
     */
    boolean remove(String id) throws IOException;

    /**
     * @return when the owner will fire this schedule next; empty when it is disabled, unknown or its
     *         cron expression has no future time
     */
    Optional<Instant> nextRun(String id);

    /** @return true while a checkpoint of this schedule is being taken by this scheduler */
    boolean isRunning(String id);

    /**
     * Checkpoints now, outside the plan (the run is recorded as manual and does not move the next
     * planned run). Like a planned run it is skipped, and recorded so, when a run of the same tree is
     * still going (also a run of this schedule: the request is then answered by that skipped run), the
     * target is gone or the disk lacks room.
     * <p>
     * When another process owns the schedules, this scheduler asks it through the file: it writes a
     * {@link org.stasis.model.RunRequest}, the owner runs it at its next look at the file and records
     * the run with the request's id, and this scheduler finds that run at its next look. An owner
     * drops a request that waited more than 10 minutes (no scheduler ran) as a skipped run.
     *
     * @return completes with the recorded run (when asked of another process, a copy of the run it
     *         recorded, with {@link ScheduleRun#getRequestId()}); completes exceptionally with
     *         {@link IllegalArgumentException} for an unknown id, {@link NotOwnerException} when no
     *         process owns the schedules, and {@link IllegalStateException} saying what happened when
     *         the owner asked went away before it recorded the run, recorded none in 10 minutes, the
     *         schedule was removed meanwhile, or this scheduler was closed first (the request then
     *         stays for the owner); {@link java.io.IOException} when the request cannot be written
     */
    CompletableFuture<ScheduleRun> runNow(String id);

    /** @return who fires the schedules of this file: this scheduler, or another process */
    SchedulerOwner owner();

    void addListener(ScheduleListener listener);

    void removeListener(ScheduleListener listener);

    /**
     * Stops firing, cancels running checkpoints (the engine is interrupted and leaves no partial
     * image) and gives up the lock. Idempotent.
     */
    @Override
    void close();
}
