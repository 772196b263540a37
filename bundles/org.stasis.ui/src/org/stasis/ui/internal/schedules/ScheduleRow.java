package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.stasis.core.schedule.ScheduleImages;
import org.stasis.core.schedule.Scheduler;
import org.stasis.model.CheckpointSchedule;

/**
 * One line of the Schedules view, read off the display thread.
 *
 * @param schedule   a copy with its history
 * @param nextRun    when the owner fires it next (empty: disabled, or no future time)
 * @param running    a checkpoint of it is being taken by this workbench
 * @param imagesKept its images in its folder now (empty when the folder cannot be read)
 */
record ScheduleRow(CheckpointSchedule schedule, Optional<Instant> nextRun, boolean running, OptionalInt imagesKept) {

    /** @return a row per schedule of scheduler, in its order */
    static List<ScheduleRow> load(Scheduler scheduler) {
        return scheduler.schedules().stream().map(s -> new ScheduleRow(s, scheduler.nextRun(s.getId()),
                scheduler.isRunning(s.getId()), imagesIn(s))).toList();
    }

    private static OptionalInt imagesIn(CheckpointSchedule schedule) {
        try {
            return OptionalInt.of(ScheduleImages.list(schedule).size());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // unreadable folder, or a path the file system refuses: shown as "?"
        }
    }

    String id() {
        return schedule.getId();
    }
}
