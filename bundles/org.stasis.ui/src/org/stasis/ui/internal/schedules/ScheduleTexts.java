package org.stasis.ui.internal.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.stasis.core.schedule.CronExpressions;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/** How the scheduler's views and dialog put schedules, runs and times into words. */
final class ScheduleTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT) //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;

    private ScheduleTexts() {
    }

    /** @return when the schedule fires, in words: "every 15 minutes", or the cron expression explained */
    static String when(CheckpointSchedule schedule) {
        if (schedule.getIntervalSeconds() > 0) {
            return interval(schedule.getIntervalSeconds());
        }
        return cron(schedule.getCronExpression());
    }

    /** @return "every 15 minutes", "every hour", "every 90 seconds": the largest unit that divides evenly */
    static String interval(long seconds) {
        if (seconds % HOUR == 0) {
            return seconds == HOUR ? Messages.Every_Hour : NLS.bind(Messages.Every_Hours, Long.toString(seconds / HOUR));
        }
        if (seconds % MINUTE == 0) {
            return seconds == MINUTE ? Messages.Every_Minute
                    : NLS.bind(Messages.Every_Minutes, Long.toString(seconds / MINUTE));
        }
        return seconds == 1 ? Messages.Every_Second : NLS.bind(Messages.Every_Seconds, Long.toString(seconds));
    }

    /** @return the cron expression in words, or that it is not valid */
    static String cron(String expression) {
        if (CronExpressions.validate(expression).isPresent()) {
            return NLS.bind(Messages.Cron_Invalid, expression);
        }
        return CronExpressions.describe(expression);
    }

    /** @return "pid 4711", or "command matches ^python3 sim (user ada)" */
    static String target(CheckpointSchedule schedule) {
        if (schedule.getTargetPid() > 0) {
            return NLS.bind(Messages.Target_Pid, Integer.toString(schedule.getTargetPid()));
        }
        return schedule.getUser().isEmpty() ? NLS.bind(Messages.Target_Pattern, schedule.getCommandPattern())
                : NLS.bind(Messages.Target_PatternUser, schedule.getCommandPattern(), schedule.getUser());
    }

    static String time(Instant time) {
        return TIME.format(time);
    }

    static String result(RunResult result) {
        return switch (result) {
            case OK -> Messages.Result_Ok;
            case SKIPPED -> Messages.Result_Skipped;
            case FAILED -> Messages.Result_Failed;
        };
    }

    /** @return the newest run of the schedule's history */
    static Optional<ScheduleRun> lastRun(CheckpointSchedule schedule) {
        return schedule.getRuns().stream().max(Comparator.comparingLong(ScheduleRun::getStartedUnixMs));
    }

    /** @return "ok at 2026-11-22 10:30:00", or that it never ran */
    static String lastResult(CheckpointSchedule schedule) {
        return lastRun(schedule).map(run -> NLS.bind(Messages.LastResult, result(run.getResult()), time(run.getStarted())))
                .orElse(Messages.LastResult_Never);
    }

    /** @return for the status line, how a run now ended: "Schedule sim: ok at 2026-11-22 10:30:00, image /i/sim.stasis" */
    static String outcome(String name, ScheduleRun run) {
        if (run.getResult() == RunResult.OK) {
            return NLS.bind(Messages.Status_RunOk, new Object[] { name, time(run.getStarted()), run.getImage() });
        }
        return NLS.bind(Messages.Status_RunNotOk, new Object[] { name, result(run.getResult()), time(run.getStarted()), run.getMessage() });
    }

    /** @return for a view's banner: empty when the workbench fires the schedules itself */
    static Optional<String> owner(SchedulerOwner owner) {
        if (owner.ours()) {
            return Optional.empty();
        }
        return Optional.of(owner.pid() == 0 ? Messages.Owner_Nobody : NLS.bind(Messages.Owner_Service, Long.toString(owner.pid())));
    }
}
