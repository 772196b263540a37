package org.stasis.core.internal.schedule;

import java.util.Comparator;
import java.util.List;

import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;

/** Adds runs to a schedule's history, keeping it in start order and bounded. */
final class RunHistory {

    private RunHistory() {
    }

    /** Adds run by its start time (runs finish out of order) and drops the oldest beyond max. */
    static void add(CheckpointSchedule schedule, ScheduleRun run, int max) {
        List<ScheduleRun> runs = schedule.getRuns();
        int at = runs.size();
        while (at > 0 && runs.get(at - 1).getStartedUnixMs() > run.getStartedUnixMs()) {
            at--;
        }
        runs.add(at, run);
        if (runs.size() > max) {
            runs.subList(0, runs.size() - max).clear();
        }
    }

    /** @return the size of the newest image written, or 0 when none was */
    static long lastImageBytes(CheckpointSchedule schedule) {
        return schedule.getRuns().stream().filter(run -> run.getImageBytes() > 0)
                .max(Comparator.comparingLong(ScheduleRun::getStartedUnixMs)).map(ScheduleRun::getImageBytes).orElse(0L);
    }
}
