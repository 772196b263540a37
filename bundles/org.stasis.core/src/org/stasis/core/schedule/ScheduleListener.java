package org.stasis.core.schedule;

import java.io.IOException;

import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;

/**
 * Told about what a {@link Scheduler} does, so that views refresh without polling. Every method has
 * an empty default; implement what you show. Called on the scheduler's threads.
 */
public interface ScheduleListener {

    /** Schedules were added, changed or removed, here or by another process writing the file. */
    default void schedulesChanged() {
    }

    /** A checkpoint of schedule (a copy) begins. */
    default void runStarted(CheckpointSchedule schedule) {
    }

    /** A run ended or was skipped and is now in the history; schedule is a copy that contains run. */
    default void runFinished(CheckpointSchedule schedule, ScheduleRun run) {
    }

    /** Who fires the schedules changed: this scheduler took the lock over, or lost it. */
    default void ownerChanged(SchedulerOwner owner) {
    }

    /**
     * The schedules file could not be read back after another process changed it (e.g. a broken hand
     * edit). The scheduler keeps its last good state and does not write the file until it loads again.
     */
    default void schedulesFileFailed(IOException problem) {
    }
}
