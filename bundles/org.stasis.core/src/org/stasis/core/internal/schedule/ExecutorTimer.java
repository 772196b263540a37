package org.stasis.core.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The real timer: one daemon thread that sleeps until each planned instant of the clock. */
final class ExecutorTimer implements SchedulerTimer {

    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stasis scheduler timer"); //$NON-NLS-1$
        thread.setDaemon(true);
        return thread;
    });

    ExecutorTimer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Planned at(Instant time, Runnable task) {
        long delayMs = Math.max(0, Duration.between(clock.instant(), time).toMillis());
        ScheduledFuture<?> future = executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
