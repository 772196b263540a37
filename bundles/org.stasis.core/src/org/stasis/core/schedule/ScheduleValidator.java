package org.stasis.core.schedule;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunRequest;

/**
 * Says what is wrong with one schedule, field by field: the dialog calls it as the user types, the
 * scheduler before it stores a schedule and when it loads the file.
 */
@SuppressWarnings("nls") // field names of the model and plain English messages of core
public final class ScheduleValidator {

    /** Image names are NAME-TIME.stasis: the name must be a plain file name that sorts predictably. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ScheduleValidator() {
    }

    /** @return every problem of schedule; empty when it can be stored and run */
    public static List<ScheduleProblem> problems(CheckpointSchedule schedule) {
        List<ScheduleProblem> problems = new ArrayList<>();
        Problems p = new Problems(schedule.getName(), problems);
        checkName(schedule, p);
        checkTarget(schedule, p);
        checkTiming(schedule, p);
        checkFolder(schedule, p);
        checkRetention(schedule, p);
        checkRequests(schedule, p);
        return problems;
    }

    private static void checkName(CheckpointSchedule s, Problems p) {
        if (s.getName().isEmpty()) {
            p.add("name", "a schedule needs a name; its images are called NAME-TIME.stasis");
        } else if (!NAME.matcher(s.getName()).matches()) {
            p.add("name", "'" + s.getName() + "' cannot start an image file name: use letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit");
        }
    }

    private static void checkTarget(CheckpointSchedule s, Problems p) {
        boolean byPid = s.getTargetPid() != 0;
        boolean byPattern = !s.getCommandPattern().isEmpty();
        if (s.getTargetPid() < 0) {
            p.add("targetPid", "pid " + s.getTargetPid() + " is not a process id: give a positive pid");
        }
        if (byPid == byPattern) {
            p.add("targetPid", byPid ? "give either a pid or a command-line pattern, not both"
                    : "choose the process: a pid, or a command-line pattern (which survives restarts)");
        }
        if (byPattern) {
            try {
                Pattern.compile(s.getCommandPattern());
            } catch (PatternSyntaxException e) {
                p.add("commandPattern", "'" + s.getCommandPattern() + "' is not a regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
    }

    private static void checkTiming(CheckpointSchedule s, Problems p) {
        boolean byInterval = s.getIntervalSeconds() != 0;
        boolean byCron = !s.getCronExpression().isEmpty();
        if (s.getIntervalSeconds() < 0) {
            p.add("intervalSeconds", s.getIntervalSeconds() + " s is not an interval: give 1 second or more");
        }
        if (byInterval == byCron) {
            p.add("intervalSeconds", byInterval ? "give either an interval or a cron expression, not both"
                    : "say when to checkpoint: an interval in seconds, or a cron expression");
        }
        if (byCron) {
            CronExpressions.validate(s.getCronExpression()).ifPresent(why -> p.add("cronExpression", why));
        }
    }

    private static void checkFolder(CheckpointSchedule s, Problems p) {
        if (s.getFolder().isEmpty()) {
            p.add("folder", "say where the images go: an absolute folder path");
            return;
        }
        try {
            if (!Path.of(s.getFolder()).isAbsolute()) {
                p.add("folder", "'" + s.getFolder() + "' is relative: give an absolute path, the service has no working folder of yours");
            }
        } catch (InvalidPathException e) {
            p.add("folder", "'" + s.getFolder() + "' is not a path: " + e.getReason());
        }
    }

    private static void checkRetention(CheckpointSchedule s, Problems p) {
        if (s.getKeepLast() < 1) {
            p.add("keepLast", "keep at least the newest image (keepLast 1 or more), else every run deletes what it wrote");
        }
        if (s.getHourlyForHours() < 0) {
            p.add("hourlyForHours", s.getHourlyForHours() + " hours: give 0 (none) or more");
        }
        if (s.getDailyForDays() < 0) {
            p.add("dailyForDays", s.getDailyForDays() + " days: give 0 (none) or more");
        }
    }

    /** Requests are written by the scheduler, so a wrong one comes from a hand edit or a broken writer. */
    private static void checkRequests(CheckpointSchedule s, Problems p) {
        Set<String> ids = new HashSet<>();
        for (RunRequest r : s.getRequests()) {
            String which = r.getRequestId().isEmpty() ? "a run request" : "run request '" + r.getRequestId() + "'";
            if (r.getRequestId().isEmpty()) {
                p.add("requests", "a run request has no requestId: remove the request, or ask again with Run now");
            } else if (!ids.add(r.getRequestId())) {
                p.add("requests", which + " is there twice: remove one");
            }
            if (r.getRequestedUnixMs() <= 0) {
                p.add("requests", which + " has no time (requestedUnixMs " + r.getRequestedUnixMs()
                        + "): remove the request, or ask again with Run now");
            }
            if (r.getRequesterPid() <= 0) {
                p.add("requests", which + " names no process (requesterPid " + r.getRequesterPid()
                        + "): remove the request, or ask again with Run now");
            }
        }
    }

    /** Collects problems of one schedule, each named by the schedule. */
    private record Problems(String schedule, List<ScheduleProblem> list) {
        void add(String field, String message) {
            list.add(new ScheduleProblem(schedule, field, message));
        }
    }
}
