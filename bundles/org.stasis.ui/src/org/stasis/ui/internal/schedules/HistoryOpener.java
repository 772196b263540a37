package org.stasis.ui.internal.schedules;

import org.stasis.model.CheckpointSchedule;

/** Shows the run history of a schedule; the workbench opens a part, tests may host it themselves. */
@FunctionalInterface
public interface HistoryOpener {

    /** Shows the history of schedule (by its id), activating the part that already shows it. */
    void open(CheckpointSchedule schedule);
}
