package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stasis.core.schedule.CronExpressions;
import org.stasis.core.schedule.ScheduleProblem;
import org.stasis.core.schedule.ScheduleValidator;
import org.stasis.model.CheckpointSchedule;

/** What the dialog shows as the user types: cron in words, and each field's problem. */
@SuppressWarnings("nls")
class CronAndValidationTest {

    @Test
    void cronIsDescribedInWords() {
        assertEquals("every 15 minutes", CronExpressions.describe("*/15 * * * *"));
        assertEquals(Optional.empty(), CronExpressions.validate("0 2 * * 1-5"));
        assertTrue(CronExpressions.describe("0 2 * * 1-5").contains("2:00"), CronExpressions.describe("0 2 * * 1-5"));
    }

    @Test
    void badCronSaysWhy() {
        assertTrue(CronExpressions.validate("61 * * * *").orElseThrow().startsWith("'61 * * * *' is not a cron expression of five fields"));
        assertTrue(CronExpressions.validate("").orElseThrow().startsWith("empty cron expression"));
        assertTrue(CronExpressions.validate("* * * * * *").isPresent(), "six fields are Quartz, not crontab");
        assertThrows(IllegalArgumentException.class, () -> CronExpressions.describe("every hour"));
    }

    @Test
    void nextCronTime() {
        ZonedDateTime after = ZonedDateTime.parse("2026-11-22T10:07:00Z");
        assertEquals(ZonedDateTime.parse("2026-11-23T02:00:00Z"), CronExpressions.nextAfter("0 2 * * *", after).orElseThrow());
    }

    @Test
    void anEmptyScheduleNamesEveryMissingField() {
        List<String> fields = ScheduleValidator.problems(new CheckpointSchedule()).stream().map(ScheduleProblem::field).toList();
        assertEquals(List.of("name", "targetPid", "intervalSeconds", "folder", "keepLast"), fields);
    }

    @Test
    void eachFieldIsChecked() {
        CheckpointSchedule s = Harness.everySeconds("nightly sim", 60, Path.of("/srv/ckpt"), 1);
        s.setCommandPattern("sim(");
        s.setCronExpression("0 2 * * *");
        s.setFolder("relative/dir");
        s.setHourlyForHours(-1);
        List<ScheduleProblem> problems = ScheduleValidator.problems(s);
        assertEquals(List.of("name", "targetPid", "commandPattern", "intervalSeconds", "folder", "hourlyForHours"),
                problems.stream().map(ScheduleProblem::field).toList());
        assertTrue(problems.get(0).toString().startsWith("schedule 'nightly sim', name: 'nightly sim' cannot start an image file name"),
                problems.get(0).toString());
        assertEquals(List.of(), ScheduleValidator.problems(Harness.everySeconds("sim.v2_a-b", 1, Path.of("/x"), 1)));
    }
}
