package org.stasis.core.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.stasis.core.schedule.Checkpointer;

/**
 * Everything the scheduler takes from the world, so that tests can replace each piece: the time, the
 * timer, the threads runs go on, the engine, /proc and the free space of disks.
 *
 * @param clock        now, and the time zone of daily retention and cron expressions
 * @param timer        made from the clock (a timer must agree with the clock it is asked about)
 * @param runs         where checkpoints run; closed with the scheduler
 * @param checkpointer takes the checkpoints
 * @param targets      finds the process of a schedule
 * @param freeSpace    free space of the image folder
 * @param syncPeriod   how often the scheduler looks at the schedules file and the lock for changes
 *                     made by another process
 * @param maxRuns      runs kept in each schedule's history; older ones are dropped
 */
public record SchedulerEnvironment(Clock clock, Function<Clock, SchedulerTimer> timer, ExecutorService runs,
        Checkpointer checkpointer, TargetFinder targets, FreeSpace freeSpace, Duration syncPeriod, int maxRuns) {

    public static final int DEFAULT_MAX_RUNS = 1000;

    public SchedulerEnvironment {
        Objects.requireNonNull(clock, "clock"); //$NON-NLS-1$
        Objects.requireNonNull(timer, "timer"); //$NON-NLS-1$
        Objects.requireNonNull(runs, "runs"); //$NON-NLS-1$
        Objects.requireNonNull(checkpointer, "checkpointer"); //$NON-NLS-1$
        Objects.requireNonNull(targets, "targets"); //$NON-NLS-1$
        Objects.requireNonNull(freeSpace, "freeSpace"); //$NON-NLS-1$
        Objects.requireNonNull(syncPeriod, "syncPeriod"); //$NON-NLS-1$
    }

    /** The real world: system clock and zone, a timer thread, a thread per run, /proc. */
    public static SchedulerEnvironment system(Checkpointer checkpointer) {
        return new SchedulerEnvironment(Clock.systemDefaultZone(), ExecutorTimer::new,
                Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "stasis scheduled checkpoint"); //$NON-NLS-1$
                    thread.setDaemon(true);
                    return thread;
                }), checkpointer, new ProcTargetFinder(), FreeSpace.system(), Duration.ofSeconds(2), DEFAULT_MAX_RUNS);
    }
}
