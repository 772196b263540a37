package org.stasis.core.tests.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

import org.stasis.core.internal.schedule.SchedulerTimer;

/**
 * A timer over a {@link ManualClock}: {@link #advance(Duration)} jumps from one planned task to the
 * next, setting the clock to each task's time before running it, so a day passes in milliseconds.
 */
final class ManualTimer implements SchedulerTimer {

    private final ManualClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;

    ManualTimer(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Planned at(Instant time, Runnable run) {
        Task task = new Task(time, sequence++, run);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Runs every task due within the duration, in time order, then sets the clock to its end. */
    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        for (Task next; (next = nextDue(end)) != null;) {
            if (!next.cancelled) {
                clock.set(next.time.isAfter(clock.instant()) ? next.time : clock.instant());
                next.run.run();
            }
        }
        clock.set(end);
    }

    private synchronized Task nextDue(Instant end) {
        Task head = tasks.peek();
        return head != null && !head.time.isAfter(end) ? tasks.poll() : null;
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    private static final class Task implements Comparable<Task> {
        final Instant time;
        final long order;
        final Runnable run;
        volatile boolean cancelled;

        Task(Instant time, long order, Runnable run) {
            this.time = time;
            this.order = order;
            this.run = run;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = time.compareTo(other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
