package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.engine.RestoreResult;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.StasisEngine;
import org.stasis.core.schedule.EngineCheckpointer;
import org.stasis.core.schedule.ScheduleImage;
import org.stasis.core.schedule.ScheduleImages;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.Schedulers;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/**
 * A real schedule: every second, on a real counting shell loop, with the engine built in this
 * reactor. Then the loop is killed, the newest image restored, and the counter goes on from where
 * that image was.
 */
@SuppressWarnings("nls")
class ScheduleIntegrationTest {

    private static final String COUNTER = "i=0; while :; do i=$((i+1)); echo $i > \"$0\"; sleep 0.1; done";

    @TempDir
    Path dir;
    private Process counter;
    private long restoredPid;

    @AfterEach
    void stop() throws Exception {
        if (counter != null) {
            counter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (restoredPid > 0) {
            ProcessHandle.of(restoredPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aScheduleEverySecondKeepsTheWorkOfACounter() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "checkpointing a real process needs root: run ./test.sh");
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)), "stasis.engine (set by the pom) is not an "
                + "executable: " + engine + "; the reactor builds it in org.stasis.native.linux.x86_64");
        StasisEngine stasis = new StasisEngine(Path.of(engine));
        Path count = dir.resolve("count");
        counter = new ProcessBuilder("bash", "-c", COUNTER, count.toString()).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        waitUntil(() -> read(count) > 0, "the counter starts");

        CheckpointSchedule schedule = Harness.everySeconds("counter", 1, dir.resolve("images"), 3);
        schedule.setTargetPid((int) counter.pid());
        List<ScheduleRun> runs;
        try (Scheduler scheduler = Schedulers.open(dir.resolve("schedules.xmi"), new EngineCheckpointer(stasis))) {
            String id = scheduler.save(schedule).getId();
            waitUntil(() -> okRuns(scheduler, id) >= 5, "five good runs");
            runs = scheduler.find(id).orElseThrow().getRuns();
        }
        ScheduleRun last = runs.stream().filter(r -> r.getResult() == RunResult.OK).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.getImageBytes() > 0 && last.getFreezeMs() > 0, "size and freeze time recorded");
        assertEquals((int) counter.pid(), last.getPid());
        List<ScheduleImage> images = ScheduleImages.list(schedule);
        assertEquals(3, images.size(), "retention keeps the last 3: " + images);
        assertEquals(Path.of(last.getImage()), images.get(0).path(), "the newest image is the last run's");

        counter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int atKill = read(count);
        // in a fresh PID namespace: the killed tree's pids stay taken until init reaps it (up to ~2 s here)
        RestoreResult restored = stasis.restore(new RestoreRequest(images.get(0).path(), true), EngineMonitor.NONE);
        restoredPid = restored.rootPid();
        // the image was taken before the kill: the restored loop counts on from a value at most what
        // the file showed at the kill, so a rise above that proves it continues, not restarts at 1
        waitUntil(() -> read(count) > atKill, "the restored counter passes " + atKill);
    }

    private static long okRuns(Scheduler scheduler, String id) {
        return scheduler.find(id).orElseThrow().getRuns().stream().filter(r -> r.getResult() == RunResult.OK).count();
    }

    private static int read(Path count) {
        try {
            String text = Files.readString(count).trim();
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (IOException | NumberFormatException e) {
            return 0; // not written yet, or caught between truncate and write
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s: " + what);
            Thread.sleep(50);
        }
    }
}
