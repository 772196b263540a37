package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.internal.schedule.ProcessIdentity;
import org.stasis.core.schedule.SchedulerLock;

/** Only one process fires a file's schedules; a dead owner's lock is taken over. */
@SuppressWarnings("nls")
class SchedulerLockTest {

    @TempDir
    Path dir;

    private Path schedules() {
        return dir.resolve("schedules.xmi");
    }

    @Test
    void aLiveOwnerKeepsTheLockAndItsDeathFreesIt() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            ProcessIdentity owner = ProcessIdentity.of(other.pid()).orElseThrow();
            Files.writeString(SchedulerLock.lockFileFor(schedules()), owner.format() + "\n");
            Harness h = new Harness();
            h.syncPeriod = Duration.ofSeconds(2);
            try (DefaultScheduler scheduler = h.open(schedules())) {
                scheduler.save(Harness.everySeconds("sim", 60, dir, 3));
                assertFalse(scheduler.owner().ours());
                assertEquals(other.pid(), scheduler.owner().pid());
                h.timer.advance(Duration.ofMinutes(1));
                assertTrue(h.engine.images.isEmpty(), "schedules of a live owner do not fire here");

                other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                h.timer.advance(Duration.ofSeconds(2));
                assertTrue(scheduler.owner().ours(), "taken over at the next look");
                assertEquals(1, h.engine.images.size(), "and the schedules fire here now");
                String lock = Files.readString(SchedulerLock.lockFileFor(schedules()));
                assertTrue(lock.startsWith(ProcessIdentity.current().format() + " "), lock);
            }
            assertFalse(Files.exists(SchedulerLock.lockFileFor(schedules())), "closing gives the lock up");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aStaleLockIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        long deadPid = gone.pid();
        Files.writeString(SchedulerLock.lockFileFor(schedules()), deadPid + " 12345\n");
        try (SchedulerLock lock = new SchedulerLock(schedules())) {
            assertEquals(OptionalLong.empty(), lock.owner(), "a dead owner is no owner");
            assertTrue(lock.tryAcquire());
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), lock.owner());
        }
    }

    @Test
    void aLockOfThisPidWithAnotherStartTimeIsStale() throws Exception {
        // the pid was reused: the lock names a process that started at another time
        Files.writeString(SchedulerLock.lockFileFor(schedules()), ProcessHandle.current().pid() + " 1\n");
        try (SchedulerLock lock = new SchedulerLock(schedules())) {
            assertTrue(lock.tryAcquire());
        }
    }

    @Test
    void garbageInTheLockFileIsTakenOverAndASecondLockWaits() throws Exception {
        Files.writeString(SchedulerLock.lockFileFor(schedules()), "not a pid");
        try (SchedulerLock first = new SchedulerLock(schedules()); SchedulerLock second = new SchedulerLock(schedules())) {
            assertTrue(first.tryAcquire());
            assertTrue(first.tryAcquire(), "held stays held");
            assertFalse(second.tryAcquire(), "one owner at a time");
            Files.delete(first.file()); // removed behind the owner's back: whoever looks first makes it anew
            assertTrue(second.tryAcquire());
            assertFalse(first.tryAcquire(), "the first learns it lost the lock");
            assertFalse(first.isHeld());
        }
    }
}
