package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.internal.schedule.SchedulesFileLocation;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.ScheduleListener;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/** Schedules and their histories survive restarts; bad files are reported, never overwritten. */
@SuppressWarnings("nls")
class ScheduleFileTest {

    @TempDir
    Path dir;

    @Test
    void schedulesAndHistorySurviveARestart() throws Exception {
        Path file = dir.resolve("state/schedules.xmi");
        Harness first = new Harness();
        CheckpointSchedule saved;
        try (DefaultScheduler scheduler = first.open(file)) {
            CheckpointSchedule s = Harness.everySeconds("sim", 60, dir.resolve("images"), 3);
            s.setTargetPid(0);
            s.setCommandPattern("^python3 sim\\.py( |$)");
            s.setUser("alice");
            s.setHourlyForHours(24);
            s.setDailyForDays(7);
            scheduler.save(s);
            first.timer.advance(Duration.ofSeconds(61)); // OK at 0 and 60
            first.target = Optional.empty();
            first.timer.advance(Duration.ofSeconds(89)); // the target is gone at 120
            saved = scheduler.schedules().get(0);
        }
        assertEquals(3, saved.getRuns().size());

        Harness second = new Harness();
        second.clock.set(Harness.START.plusSeconds(170));
        try (DefaultScheduler scheduler = second.open(file)) {
            CheckpointSchedule loaded = scheduler.schedules().get(0);
            assertTrue(EcoreUtil.equals(saved, loaded), "every setting and run comes back");
            assertEquals(List.of(RunResult.OK, RunResult.OK, RunResult.SKIPPED),
                    loaded.getRuns().stream().map(ScheduleRun::getResult).toList());
            assertEquals(Optional.of(Harness.START.plusSeconds(180)), scheduler.nextRun(loaded.getId()),
                    "the rhythm goes on from the history");
        }
    }

    @Test
    void aCorruptFileIsAClearErrorAndStaysAsItWas() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        String garbage = "<?xml version=\"1.1\"?><not a model";
        Files.writeString(file, garbage);
        ScheduleFileException e = assertThrows(ScheduleFileException.class, () -> new Harness().open(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot be read as a Stasis schedules file"), e.getMessage());
        assertTrue(e.getMessage().endsWith("fix the file or move it away (it is left untouched)"), e.getMessage());
        assertEquals(garbage, Files.readString(file));
    }

    @Test
    void anInvalidScheduleInTheFileIsNamedWithItsField() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        try (DefaultScheduler scheduler = new Harness().open(file)) {
            scheduler.save(Harness.everySeconds("nightly", 60, dir, 3));
        }
        String broken = Files.readString(file).replace("intervalSeconds=\"60\"", "cronExpression=\"61 * * * *\"")
                .replace("keepLast=\"3\"", "keepLast=\"-2\"");
        Files.writeString(file, broken);
        ScheduleFileException e = assertThrows(ScheduleFileException.class, () -> new Harness().open(file));
        ScheduleValidationException why = assertInstanceOf(ScheduleValidationException.class, e.getCause());
        assertEquals(List.of("nightly:cronExpression", "nightly:keepLast"),
                why.problems().stream().map(p -> p.schedule() + ":" + p.field()).toList());
        assertTrue(e.getMessage().contains("schedule 'nightly', cronExpression: '61 * * * *' is not a cron expression"),
                e.getMessage());
        assertEquals(broken, Files.readString(file));
    }

    @Test
    void aFileBrokenWhileOpenIsReportedAndNotOverwritten() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        Harness h = new Harness();
        h.syncPeriod = Duration.ofSeconds(2);
        try (DefaultScheduler scheduler = h.open(file)) {
            String id = scheduler.save(Harness.everySeconds("sim", 60, dir, 3)).getId();
            h.timer.advance(Duration.ZERO);
            List<IOException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            scheduler.addListener(new ScheduleListener() {
                @Override
                public void schedulesFileFailed(IOException problem) {
                    failures.add(problem);
                }
            });
            Files.writeString(file, "broken by hand");
            h.timer.advance(Duration.ofSeconds(61)); // a sync notices; the run at 60 s cannot be recorded
            assertFalse(failures.isEmpty());
            assertEquals("broken by hand", Files.readString(file));
            assertEquals(1, scheduler.find(id).orElseThrow().getRuns().size(), "the last good state is kept");
        }
    }

    @Test
    void onlyTheLockOwnerFiresAndTheOtherSeesItsRunsAndEdits() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        Harness service = new Harness();
        service.syncPeriod = Duration.ofSeconds(2);
        Harness workbench = new Harness();
        workbench.syncPeriod = Duration.ofSeconds(2);
        try (DefaultScheduler owner = service.open(file); DefaultScheduler viewer = workbench.open(file)) {
            assertTrue(owner.owner().ours());
            assertFalse(viewer.owner().ours());
            assertEquals(ProcessHandle.current().pid(), viewer.owner().pid());
            assertEquals("schedules are run by the service (pid " + ProcessHandle.current().pid() + ")",
                    viewer.owner().describe());

            String id = viewer.save(Harness.everySeconds("sim", 60, dir.resolve("images"), 3)).getId();
            workbench.timer.advance(Duration.ofSeconds(1)); // a new schedule would fire at once
            assertTrue(workbench.engine.images.isEmpty(), "the viewer never fires");

            service.timer.advance(Duration.ofSeconds(2)); // the owner's sync finds the new schedule and fires it
            assertEquals(1, service.engine.images.size());
            workbench.timer.advance(Duration.ofSeconds(1)); // to its look at 2 s
            assertEquals(1, viewer.find(id).orElseThrow().getRuns().size(), "the viewer sees the owner's run");
            assertEquals(Optional.of(Harness.START.plusSeconds(62)), viewer.nextRun(id));
        }
    }

    @Test
    void theDefaultFileFollowsXdgAndCanBeOverridden() {
        assertEquals(Path.of("/home/al/.local/share/stasis/schedules.xmi"), SchedulesFileLocation.resolve(Map.of(), "/home/al", null));
        assertEquals(Path.of("/data/stasis/schedules.xmi"),
                SchedulesFileLocation.resolve(Map.of("XDG_DATA_HOME", "/data"), "/home/al", null));
        assertEquals(Path.of("/home/al/.local/share/stasis/schedules.xmi"),
                SchedulesFileLocation.resolve(Map.of("XDG_DATA_HOME", "relative"), "/home/al", null), "relative is ignored");
        assertEquals(Path.of("/etc/stasis.xmi"),
                SchedulesFileLocation.resolve(Map.of("STASIS_SCHEDULES", "/etc/stasis.xmi"), "/home/al", null));
        assertEquals(Path.of("/srv/s.xmi"),
                SchedulesFileLocation.resolve(Map.of("STASIS_SCHEDULES", "/etc/stasis.xmi"), "/home/al", "/srv/s.xmi"));
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }
}
