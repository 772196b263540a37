package org.stasis.ui.internal.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.stasis.core.schedule.CronExpressions;
import org.stasis.model.CheckpointSchedule;

/** The next run times the dialog shows, so that the user sees what an interval or a cron expression means. */
final class RunTimes {

    private RunTimes() {
    }

    /**
     * @param first when the scheduler plans the first of them (a saved schedule's next run); empty for
     *              a new interval schedule, which the scheduler runs at once
     * @return up to count times; fewer when a cron expression has no more, none when it is not valid
     */
    static List<Instant> next(CheckpointSchedule schedule, Optional<Instant> first, Instant now, ZoneId zone, int count) {
        List<Instant> times = new ArrayList<>(count);
        if (schedule.getIntervalSeconds() > 0) {
            Duration step = Duration.ofSeconds(schedule.getIntervalSeconds());
            Instant t = first.orElse(now);
            for (int i = 0; i < count; i++) {
                times.add(t);
                t = t.plus(step);
            }
            return times;
        }
        if (CronExpressions.validate(schedule.getCronExpression()).isPresent()) {
            return times;
        }
        ZonedDateTime after = now.atZone(zone);
        while (times.size() < count) {
            Optional<ZonedDateTime> next = CronExpressions.nextAfter(schedule.getCronExpression(), after);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get().toInstant());
            after = next.get();
        }
        return times;
    }
}
