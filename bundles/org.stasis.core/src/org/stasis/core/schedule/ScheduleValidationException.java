package org.stasis.core.schedule;

import java.util.List;
import java.util.stream.Collectors;

/** A schedule, or a schedules file, is not valid; every problem names the schedule and the field. */
public final class ScheduleValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ScheduleProblem> problems;

    public ScheduleValidationException(List<ScheduleProblem> problems) {
        super(problems.stream().map(ScheduleProblem::toString).collect(Collectors.joining("; "))); //$NON-NLS-1$
        this.problems = List.copyOf(problems);
    }

    public List<ScheduleProblem> problems() {
        return problems;
    }
}
