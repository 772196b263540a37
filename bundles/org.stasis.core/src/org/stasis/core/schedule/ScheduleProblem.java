package org.stasis.core.schedule;

import java.util.Objects;

/**
 * One thing wrong with a schedule, for a dialog to show beside the field or a load error to list.
 *
 * @param schedule the schedule's name ("" when it has none yet)
 * @param field    the model feature at fault, as in {@link org.stasis.model.CheckpointSchedule}
 *                 ("cronExpression", "folder", ...)
 * @param message  what is wrong and what to do, in plain English
 */
public record ScheduleProblem(String schedule, String field, String message) {

    public ScheduleProblem {
        Objects.requireNonNull(schedule, "schedule"); //$NON-NLS-1$
        Objects.requireNonNull(field, "field"); //$NON-NLS-1$
        Objects.requireNonNull(message, "message"); //$NON-NLS-1$
    }

    @Override
    public String toString() {
        return "schedule '" + schedule + "', " + field + ": " + message; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }
}
