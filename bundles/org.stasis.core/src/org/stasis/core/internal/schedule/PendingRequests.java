package org.stasis.core.internal.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleBook;
import org.stasis.model.ScheduleRun;

/**
 * The run requests this scheduler wrote for the owner to serve, each with its caller waiting for the
 * run. At every look at the file it answers a caller whose run was recorded, and fails one whose
 * owner went away or did not answer in time.
 * <p>
 * Guarded by the scheduler's monitor. Callers are answered by the returned actions, to be run outside
 * that monitor: completing a future runs its dependents on the spot.
 */
@SuppressWarnings("nls") // plain English messages of core
final class PendingRequests {

    /** What one look decided: answers to give, and requests to take back from the file. */
    record Settled(List<Runnable> answers, Set<String> withdraw) {
    }

    private record Pending(String scheduleId, String scheduleName, long ownerPid, Instant requested,
            CompletableFuture<ScheduleRun> caller) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** Waits for the run answering request requestId of schedule, asked of the owner ownerPid. */
    void add(String requestId, CheckpointSchedule schedule, long ownerPid, Instant requested, CompletableFuture<ScheduleRun> caller) {
        pending.put(requestId, new Pending(schedule.getId(), schedule.getName(), ownerPid, requested, caller));
    }

    /**
     * Matches the waiting callers against the file's content.
     *
     * @param book  the file as last read
     * @param owner who holds the lock now
     * @param now   the scheduler's time
     */
    Settled settle(ScheduleBook book, SchedulerOwner owner, Instant now) {
        List<Runnable> answers = new ArrayList<>();
        Set<String> withdraw = new HashSet<>();
        for (Iterator<Map.Entry<String, Pending>> i = pending.entrySet().iterator(); i.hasNext();) {
            Map.Entry<String, Pending> entry = i.next();
            String requestId = entry.getKey();
            Pending p = entry.getValue();
            Optional<CheckpointSchedule> schedule = book.getSchedules().stream()
                    .filter(s -> s.getId().equals(p.scheduleId())).findFirst();
            Optional<ScheduleRun> run = schedule.flatMap(s -> s.getRuns().stream()
                    .filter(r -> r.getRequestId().equals(requestId)).findFirst()).map(EcoreUtil::copy);
            if (run.isPresent()) {
                i.remove();
                answers.add(() -> p.caller().complete(run.get()));
                continue;
            }
            boolean waiting = RunRequests.waiting(book, requestId);
            Optional<String> failure = schedule.isEmpty() ? Optional.of(removed(p)) : failure(p, waiting, owner, now);
            if (failure.isPresent()) {
                i.remove();
                if (waiting) {
                    withdraw.add(requestId);
                }
                answers.add(() -> p.caller().completeExceptionally(new IllegalStateException(failure.get())));
            }
        }
        return new Settled(answers, withdraw);
    }

    /**
     * Fails every waiting caller: this scheduler closes. The requests stay in the file, so the owner
     * still runs them, as the user asked.
     */
    List<Runnable> abandonAll(Path file) {
        List<Runnable> answers = new ArrayList<>();
        pending.values().forEach(p -> answers.add(() -> p.caller().completeExceptionally(new IllegalStateException(
                prefix(p) + "stopped waiting, the scheduler of " + file + " in this process was closed; " + asked(p)
                        + " still runs the request and records the run in the history"))));
        pending.clear();
        return answers;
    }

    private static Optional<String> failure(Pending p, boolean waiting, SchedulerOwner owner, Instant now) {
        if (owner.ours() || owner.pid() != p.ownerPid()) {
            String then = owner.ours() ? "this process runs the schedules now: click Run now again"
                    : owner.pid() == 0 ? "no scheduler runs the schedules now: start the scheduler service, or open the workbench"
                            : "pid " + owner.pid() + " runs the schedules now: click Run now again";
            return Optional.of(prefix(p) + asked(p) + (waiting ? " went away before it ran the request, which is withdrawn; "
                    : " went away while it ran the request, and recorded no run (was it killed during the checkpoint?); ")
                    + then);
        }
        if (p.requested().plus(RunRequests.MAX_AGE).isBefore(now)) {
            long minutes = RunRequests.MAX_AGE.toMinutes();
            return Optional.of(prefix(p) + asked(p) + (waiting
                    ? " did not take the request in " + minutes + " minutes, which is withdrawn; look at its log: is it stuck?"
                    : " took the request but recorded no run in " + minutes
                            + " minutes; the run shows in the history when it ends"));
        }
        return Optional.empty();
    }

    private static String removed(Pending p) {
        return prefix(p) + "removed before " + asked(p) + " ran it";
    }

    private static String prefix(Pending p) {
        return "schedule '" + p.scheduleName() + "': ";
    }

    private static String asked(Pending p) {
        return "the scheduler service (pid " + p.ownerPid() + ")";
    }
}
