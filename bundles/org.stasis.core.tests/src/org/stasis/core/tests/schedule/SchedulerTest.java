package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.schedule.ScheduleImages;
import org.stasis.core.schedule.ScheduleListener;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/** The scheduler on a fake clock: when it fires, what it records, what it skips and deletes. */
@SuppressWarnings("nls")
class SchedulerTest {

    @TempDir
    Path dir;

    private final Harness h = new Harness();

    private Path images() {
        return dir.resolve("images");
    }

    @Test
    void intervalFiresAtOnceThenEveryInterval() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 100)).getId();
            assertEquals(Optional.of(Harness.START), scheduler.nextRun(id), "a new schedule checkpoints at once");
            h.timer.advance(Duration.ofMinutes(5));
            List<ScheduleRun> runs = scheduler.find(id).orElseThrow().getRuns();
            assertEquals(6, runs.size(), "at 0, 1, 2, 3, 4 and 5 minutes");
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(Harness.START.plusSeconds(60L * i), runs.get(i).getStarted());
                assertEquals(RunResult.OK, runs.get(i).getResult());
                assertEquals(4096, runs.get(i).getImageBytes());
                assertEquals(12.5, runs.get(i).getFreezeMs());
                assertEquals(Harness.PID, runs.get(i).getPid());
            }
            assertEquals(images().resolve("sim-20261122T100700Z.stasis").toString(), runs.get(0).getImage());
            assertEquals(Optional.of(Harness.START.plusSeconds(360)), scheduler.nextRun(id));
        }
    }

    @Test
    void cronFiresAtItsTimesOnly() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            CheckpointSchedule s = Harness.everySeconds("sim", 0, images(), 100);
            s.setCronExpression("*/15 * * * *");
            String id = scheduler.save(s).getId();
            assertEquals(Optional.of(Instant.parse("2026-11-22T10:15:00Z")), scheduler.nextRun(id));
            h.timer.advance(Duration.ofMinutes(53)); // to 11:00
            assertEquals(List.of("10:15", "10:30", "10:45", "11:00"), scheduler.find(id).orElseThrow().getRuns().stream()
                    .map(r -> r.getStarted().toString().substring(11, 16)).toList());
        }
    }

    @Test
    void retentionKeepsTheNewestImagesOfThisScheduleOnly() throws Exception {
        Files.createDirectories(images());
        Path foreign = Files.writeString(images().resolve("simulation-20200101T000000Z.stasis"), "another schedule's");
        Path notes = Files.writeString(images().resolve("sim-notes.txt"), "the user's");
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            scheduler.save(Harness.everySeconds("sim", 60, images(), 3));
            h.timer.advance(Duration.ofMinutes(5));
        }
        try (Stream<Path> files = Files.list(images())) {
            assertEquals(List.of("sim-20261122T101000Z.stasis", "sim-20261122T101100Z.stasis", "sim-20261122T101200Z.stasis",
                    "sim-notes.txt", "simulation-20200101T000000Z.stasis"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.exists(foreign) && Files.exists(notes));
        assertEquals(6, h.engine.images.size());
    }

    @Test
    void targetGoneIsSkippedAndSaysWhy() throws Exception {
        h.target = Optional.empty();
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 3)).getId();
            h.timer.advance(Duration.ZERO);
            ScheduleRun run = scheduler.find(id).orElseThrow().getRuns().get(0);
            assertEquals(RunResult.SKIPPED, run.getResult());
            assertEquals("schedule 'sim': skipped, the target is gone (no process 4711); start it again, or edit or "
                    + "disable the schedule", run.getMessage());
            assertTrue(h.engine.images.isEmpty(), "the engine was not asked");
        }
    }

    @Test
    void tooLittleDiskIsSkippedUsingTheLastImageSizeOrTheTargetsMemory() throws Exception {
        h.freeBytes = 512 * 1024; // the target has 1 MiB resident
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 3)).getId();
            h.timer.advance(Duration.ZERO);
            ScheduleRun first = scheduler.find(id).orElseThrow().getRuns().get(0);
            assertEquals(RunResult.SKIPPED, first.getResult());
            assertTrue(first.getMessage().contains("has 1 MiB free, the image needs about 1 MiB (the target's resident memory)"),
                    first.getMessage());
            h.freeBytes = 1L << 30;
            h.timer.advance(Duration.ofMinutes(1));
            h.engine.imageBytes = 900 << 20; // pretend the last image was large: the next estimate uses it
            h.timer.advance(Duration.ofMinutes(1));
            h.timer.advance(Duration.ofMinutes(1));
            List<ScheduleRun> runs = scheduler.find(id).orElseThrow().getRuns();
            assertEquals(List.of(RunResult.SKIPPED, RunResult.OK, RunResult.OK, RunResult.SKIPPED),
                    runs.stream().map(ScheduleRun::getResult).toList());
            assertTrue(runs.get(3).getMessage().contains("needs about 900 MiB (as the last one)"), runs.get(3).getMessage());
        }
    }

    @Test
    void aTickDuringARunIsSkippedAsOverlap() throws Exception {
        h.runs = Executors.newSingleThreadExecutor();
        h.engine.release = new CountDownLatch(1);
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 1, images(), 3)).getId();
            h.timer.advance(Duration.ZERO);
            assertTrue(h.engine.started.await(10, TimeUnit.SECONDS), "the first checkpoint started");
            assertTrue(scheduler.isRunning(id));
            h.timer.advance(Duration.ofSeconds(1));
            ScheduleRun manual = scheduler.runNow(id).get(10, TimeUnit.SECONDS);
            assertEquals(RunResult.SKIPPED, manual.getResult());
            assertTrue(manual.isManual());
            assertTrue(manual.getMessage().contains("the tree is being checkpointed right now"), manual.getMessage());
            h.engine.release.countDown();
            waitUntil(() -> scheduler.find(id).orElseThrow().getRuns().size() == 3);
            List<ScheduleRun> runs = scheduler.find(id).orElseThrow().getRuns();
            assertEquals(List.of(RunResult.OK, RunResult.SKIPPED, RunResult.SKIPPED),
                    runs.stream().map(ScheduleRun::getResult).toList(), "ordered by start");
            assertTrue(runs.get(1).getMessage().contains("its previous run is still going"), runs.get(1).getMessage());
            assertEquals(1, h.engine.images.size(), "never two checkpoints of one tree at once");
        }
    }

    @Test
    void aFailedCheckpointRecordsTheEnginesMessage() throws Exception {
        h.engine.failure = "pid 4711: fd 3 is a TCP socket; not supported yet";
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 3)).getId();
            h.timer.advance(Duration.ZERO);
            ScheduleRun run = scheduler.find(id).orElseThrow().getRuns().get(0);
            assertEquals(RunResult.FAILED, run.getResult());
            assertEquals("schedule 'sim': pid 4711: fd 3 is a TCP socket; not supported yet", run.getMessage());
            assertEquals("", run.getImage());
            h.engine.failure = "cannot start /opt/stasis/stasis: no such file";
            ScheduleRun other = scheduler.runNow(id).get();
            assertEquals("schedule 'sim': pid 4711: cannot start /opt/stasis/stasis: no such file", other.getMessage());
        }
    }

    @Test
    void listenersHearRunsAndChanges() throws Exception {
        StringBuilder heard = new StringBuilder();
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            scheduler.addListener(new ScheduleListener() {
                @Override
                public void schedulesChanged() {
                    heard.append("changed;");
                }

                @Override
                public void runStarted(CheckpointSchedule schedule) {
                    heard.append("started ").append(schedule.getName()).append(';');
                }

                @Override
                public void runFinished(CheckpointSchedule schedule, ScheduleRun run) {
                    heard.append("finished ").append(run.getResult()).append(" of ").append(schedule.getRuns().size())
                            .append(';');
                }
            });
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 3)).getId();
            h.timer.advance(Duration.ZERO);
            ScheduleRun manual = scheduler.runNow(id).get();
            assertTrue(manual.isManual());
            assertEquals(Optional.of(Harness.START.plusSeconds(60)), scheduler.nextRun(id), "a manual run keeps the plan");
        }
        assertEquals("changed;started sim;finished OK of 1;started sim;finished OK of 2;", heard.toString());
    }

    @Test
    void historyIsBounded() throws Exception {
        h.maxRuns = 5;
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 3)).getId();
            h.timer.advance(Duration.ofMinutes(7));
            List<ScheduleRun> runs = scheduler.find(id).orElseThrow().getRuns();
            assertEquals(5, runs.size());
            assertEquals(Harness.START.plusSeconds(180), runs.get(0).getStarted(), "the oldest went");
        }
    }

    @Test
    void invalidSchedulesAreRefusedNamingTheField() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            CheckpointSchedule bad = Harness.everySeconds("sim", 0, images(), 0);
            bad.setCronExpression("*/15 * *");
            ScheduleValidationException e = assertThrows(ScheduleValidationException.class, () -> scheduler.save(bad));
            assertEquals(List.of("cronExpression", "keepLast"), e.problems().stream().map(p -> p.field()).toList());
            assertTrue(e.getMessage().startsWith("schedule 'sim', cronExpression: '*/15 * *' is not a cron expression"),
                    e.getMessage());
            scheduler.save(Harness.everySeconds("sim", 60, images(), 1));
            ScheduleValidationException twice = assertThrows(ScheduleValidationException.class,
                    () -> scheduler.save(Harness.everySeconds("sim", 60, images(), 1)));
            assertEquals("name", twice.problems().get(0).field());
            assertEquals(1, scheduler.schedules().size());
        }
    }

    @Test
    void editingKeepsHistoryAndRemovingKeepsImages() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            CheckpointSchedule stored = scheduler.save(Harness.everySeconds("sim", 60, images(), 3));
            h.timer.advance(Duration.ZERO);
            stored = scheduler.find(stored.getId()).orElseThrow();
            stored.setIntervalSeconds(600);
            stored.getRuns().clear(); // ignored: the history is the scheduler's
            CheckpointSchedule edited = scheduler.save(stored);
            assertEquals(600, edited.getIntervalSeconds());
            assertEquals(1, edited.getRuns().size());
            assertEquals(Optional.of(Harness.START.plusSeconds(600)), scheduler.nextRun(edited.getId()));
            assertTrue(scheduler.remove(edited.getId()));
            assertFalse(scheduler.remove(edited.getId()));
            assertEquals(List.of(), scheduler.schedules());
            assertTrue(Files.exists(images().resolve("sim-20261122T100700Z.stasis")));
            h.timer.advance(Duration.ofHours(1));
            assertEquals(1, h.engine.images.size(), "a removed schedule does not fire");
        }
    }

    @Test
    void disabledSchedulesDoNotFire() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            CheckpointSchedule s = Harness.everySeconds("sim", 60, images(), 3);
            s.setEnabled(false);
            String id = scheduler.save(s).getId();
            h.timer.advance(Duration.ofHours(1));
            assertEquals(Optional.empty(), scheduler.nextRun(id));
            assertTrue(h.engine.images.isEmpty());
            ExecutionException unknown = assertThrows(ExecutionException.class, () -> scheduler.runNow("nope").get());
            assertInstanceOf(IllegalArgumentException.class, unknown.getCause());
        }
    }

    @Test
    void imagesInTheSameSecondGetASuffixThatSortsAfter() throws Exception {
        try (DefaultScheduler scheduler = h.open(dir.resolve("schedules.xmi"))) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, images(), 5)).getId();
            h.timer.advance(Duration.ZERO);
            scheduler.runNow(id).get();
            scheduler.runNow(id).get();
            CheckpointSchedule s = scheduler.find(id).orElseThrow();
            assertEquals(List.of("sim-20261122T100700Z_2.stasis", "sim-20261122T100700Z_1.stasis", "sim-20261122T100700Z.stasis"),
                    ScheduleImages.list(s).stream().map(i -> i.path().getFileName().toString()).toList());
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }
}
