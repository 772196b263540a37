package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/** The words and defaults of the scheduler's dialog and views. */
class ScheduleTextsTest {

    @Test
    void intervalsInTheLargestEvenUnit() {
        assertEquals("every second", ScheduleTexts.interval(1));
        assertEquals("every 90 seconds", ScheduleTexts.interval(90));
        assertEquals("every minute", ScheduleTexts.interval(60));
        assertEquals("every 15 minutes", ScheduleTexts.interval(900));
        assertEquals("every hour", ScheduleTexts.interval(3600));
        assertEquals("every 6 hours", ScheduleTexts.interval(6 * 3600));
    }

    @Test
    void cronInWordsOrWhyNot() {
        CheckpointSchedule s = new CheckpointSchedule();
        s.setCronExpression("*/15 * * * *");
        assertEquals("every 15 minutes", ScheduleTexts.when(s));
        assertEquals("not a valid cron expression: * *", ScheduleTexts.cron("* *"));
    }

    @Test
    void targetsAndOwners() {
        CheckpointSchedule s = new CheckpointSchedule();
        s.setTargetPid(4711);
        assertEquals("pid 4711", ScheduleTexts.target(s));
        s.setTargetPid(0);
        s.setCommandPattern("^python3 sim\\.py");
        s.setUser("ada");
        assertEquals("command matches ^python3 sim\\.py, user ada", ScheduleTexts.target(s));
        assertEquals(Optional.empty(), ScheduleTexts.owner(new SchedulerOwner(true, 12)));
        assertEquals("Schedules are run by the Stasis scheduler service (pid 812). You can still edit them here; "
                + "the service picks the changes up, and Run now asks it to checkpoint.",
                ScheduleTexts.owner(new SchedulerOwner(false, 812)).orElseThrow());
    }

    @Test
    void aProcessGivesANameForImagesAndALiteralPattern() {
        ProcessInfo p = new ProcessInfo(new ProcessKey(4711, 99), 1, 1000, "ada", 'S', 1, 1 << 20, 0, OptionalDouble.empty(),
                Instant.EPOCH, "Sim (v2)", "python3 sim.py --steps=1e9 [fast]");
        CheckpointSchedule s = ScheduleDefaults.forProcess(p, Path.of("/ckpt"));
        assertEquals("sim--v2-", s.getName());
        assertEquals("/ckpt/sim--v2-", s.getFolder());
        assertEquals(4711, s.getTargetPid());
        assertEquals(ScheduleDefaults.INTERVAL_SECONDS, s.getIntervalSeconds());
        assertEquals("^python3 sim\\.py --steps=1e9 \\[fast\\]", ScheduleDefaults.patternFor(p));
        assertEquals("schedule", ScheduleDefaults.nameFor("(())"));
    }

    @Test
    void nextRunsOfAnIntervalAndOfACron() {
        CheckpointSchedule s = new CheckpointSchedule();
        s.setIntervalSeconds(600);
        Instant now = Instant.parse("2026-01-05T10:07:00Z");
        assertEquals(List.of(now, now.plusSeconds(600), now.plusSeconds(1200)), RunTimes.next(s, Optional.empty(), now, ZoneOffset.UTC, 3));
        s.setIntervalSeconds(0);
        s.setCronExpression("0 */6 * * *");
        assertEquals(List.of(Instant.parse("2026-01-05T12:00:00Z"), Instant.parse("2026-01-05T18:00:00Z")),
                RunTimes.next(s, Optional.empty(), now, ZoneOffset.UTC, 2));
    }

    @Test
    void howARunNowEnded() {
        ScheduleRun ok = new ScheduleRun();
        ok.setStartedUnixMs(Instant.parse("2026-11-22T10:30:00Z").toEpochMilli());
        ok.setResult(RunResult.OK);
        ok.setImage("/i/sim.stasis");
        String at = ScheduleTexts.time(ok.getStarted());
        assertEquals("Schedule sim: ok at " + at + ", image /i/sim.stasis", ScheduleTexts.outcome("sim", ok));
        ScheduleRun skipped = EcoreUtil.copy(ok);
        skipped.setResult(RunResult.SKIPPED);
        skipped.setImage("");
        skipped.setMessage("schedule 'sim': skipped, the target is gone");
        assertEquals("Schedule sim: skipped at " + at + ": schedule 'sim': skipped, the target is gone",
                ScheduleTexts.outcome("sim", skipped));
    }
}
