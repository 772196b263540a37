package org.stasis.core.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.stasis.core.schedule.CronExpressions;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;

/**
 * When a schedule fires next. Intervals count from the last planned tick (skipped ones included, so
 * an overlong run does not shift the rhythm; manual runs do not count), and a tick missed while no
 * scheduler ran fires once at once rather than in a burst. Cron times missed are not caught up.
 */
final class RunPlanner {

    private RunPlanner() {
    }

    /** @return the next time, not before now; empty when the schedule is disabled or the cron has no future time */
    static Optional<Instant> next(CheckpointSchedule schedule, Optional<Instant> lastTick, Instant now, ZoneId zone) {
        if (!schedule.isEnabled()) {
            return Optional.empty();
        }
        if (schedule.getIntervalSeconds() > 0) {
            Instant due = lastTick.map(t -> t.plus(Duration.ofSeconds(schedule.getIntervalSeconds()))).orElse(now);
            return Optional.of(due.isAfter(now) ? due : now);
        }
        Instant after = lastTick.filter(t -> t.isAfter(now)).orElse(now);
        return CronExpressions.nextAfter(schedule.getCronExpression(), after.atZone(zone)).map(t -> t.toInstant());
    }

    /** @return the start of the newest planned (not manual) run in the history */
    static Optional<Instant> lastTickIn(CheckpointSchedule schedule) {
        return schedule.getRuns().stream().filter(run -> !run.isManual()).map(ScheduleRun::getStarted).max(Instant::compareTo);
    }
}
