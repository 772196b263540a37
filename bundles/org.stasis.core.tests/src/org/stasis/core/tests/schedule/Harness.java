package org.stasis.core.tests.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.internal.schedule.SchedulerEnvironment;
import org.stasis.core.internal.schedule.Target;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.model.CheckpointSchedule;

/** A scheduler on a fake clock, timer, engine, /proc and disk, each settable by the test. */
final class Harness {

    static final Instant START = Instant.parse("2026-11-22T10:07:00Z");
    static final int PID = 4711;

    final ManualClock clock = new ManualClock(START);
    final ManualTimer timer = new ManualTimer(clock);
    final FakeCheckpointer engine = new FakeCheckpointer();
    volatile Optional<Target> target = Optional.of(new Target(PID, 1 << 20));
    volatile long freeBytes = 1L << 40;
    int maxRuns = SchedulerEnvironment.DEFAULT_MAX_RUNS;
    /** Long, so that tests that do not look at the file do not pay for it on every simulated second. */
    Duration syncPeriod = Duration.ofHours(1);
    ExecutorService runs = new DirectExecutor();

    DefaultScheduler open(Path file) throws ScheduleFileException {
        return DefaultScheduler.open(file, new SchedulerEnvironment(clock, c -> timer, runs, engine, s -> target,
                folder -> freeBytes, syncPeriod, maxRuns));
    }

    /** A valid, enabled schedule every intervalSeconds into folder, keeping the last keepLast. */
    static CheckpointSchedule everySeconds(String name, long intervalSeconds, Path folder, int keepLast) {
        CheckpointSchedule s = new CheckpointSchedule();
        s.setName(name);
        s.setTargetPid(PID);
        s.setIntervalSeconds(intervalSeconds);
        s.setFolder(folder.toString());
        s.setKeepLast(keepLast);
        s.setEnabled(true);
        return s;
    }
}
