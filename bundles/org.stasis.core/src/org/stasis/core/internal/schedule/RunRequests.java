package org.stasis.core.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunRequest;
import org.stasis.model.ScheduleBook;

/**
 * The run requests in a schedules file: what the owner takes out to serve, what a requester takes
 * back. Works on a book inside {@link ScheduleStore#change}; no threads, no persistence.
 */
final class RunRequests {

    /**
     * How long a request may wait. An owner drops an older one (left over while no scheduler ran) as
     * skipped, since a checkpoint taken much later than asked is not what was asked for; a requester
     * stops waiting for an answer after as long.
     */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** A request taken out of the file, with the schedule it is for. */
    record Taken(String scheduleId, RunRequest request) {
    }

    private RunRequests() {
    }

    /** @return true when any schedule of book has a request waiting */
    static boolean any(ScheduleBook book) {
        return book.getSchedules().stream().anyMatch(s -> !s.getRequests().isEmpty());
    }

    /** Removes every request from book, oldest first in the result. */
    static List<Taken> takeAll(ScheduleBook book) {
        List<Taken> taken = new ArrayList<>();
        for (CheckpointSchedule schedule : book.getSchedules()) {
            for (RunRequest request : schedule.getRequests()) {
                taken.add(new Taken(schedule.getId(), request));
            }
            schedule.getRequests().clear();
        }
        taken.sort((a, b) -> Long.compare(a.request().getRequestedUnixMs(), b.request().getRequestedUnixMs()));
        return taken;
    }

    /** Removes the requests with these ids, wherever they wait. */
    static void withdraw(ScheduleBook book, Set<String> requestIds) {
        book.getSchedules().forEach(s -> s.getRequests().removeIf(r -> requestIds.contains(r.getRequestId())));
    }

    /** @return true when request is still in book, not yet taken by the owner */
    static boolean waiting(ScheduleBook book, String requestId) {
        return book.getSchedules().stream().flatMap(s -> s.getRequests().stream())
                .anyMatch(r -> r.getRequestId().equals(requestId));
    }

    /** @return true when request waited longer than {@link #MAX_AGE} at now */
    static boolean tooOld(RunRequest request, Instant now) {
        return request.getRequested().plus(MAX_AGE).isBefore(now);
    }
}
