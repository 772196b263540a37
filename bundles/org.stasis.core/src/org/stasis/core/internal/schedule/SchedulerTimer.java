package org.stasis.core.internal.schedule;

import java.time.Instant;

/**
 * Runs tasks at instants of the scheduler's clock. The product uses {@link ExecutorTimer}; tests a
 * timer driven by a fake clock, so that a day of schedules runs in milliseconds.
 */
public interface SchedulerTimer extends AutoCloseable {

    /** A task that was planned. */
    interface Planned {
        /** Keeps the task from running if it has not started yet. */
        void cancel();
    }

    /** Runs task at time (at once when time has passed), on a thread of the timer. */
    Planned at(Instant time, Runnable task);

    /** Drops every planned task. */
    @Override
    void close();
}
