package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.stasis.core.schedule.Checkpoint;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.core.schedule.ScheduleImages;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunRequest;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/**
 * Takes one checkpoint of a schedule, or finds why not: target gone, a checkpoint of the same tree
 * still going, too little disk. Always returns the run as the history records it; no threads, no
 * persistence.
 */
@SuppressWarnings("nls") // plain English messages of core
final class ScheduleRunner {

    /** Keeps two checkpoints of one tree from running at once, across schedules. */
    interface TreeGuard {
        /** @return false when a checkpoint of pid is already going */
        boolean claim(int pid);

        void release(int pid);
    }

    /** Room asked for beyond the estimate: images vary between runs, and a full disk hurts everyone. */
    private static final double SPACE_MARGIN = 1.25;
    private static final long MIB = 1024 * 1024;

    private final SchedulerEnvironment env;
    private final TreeGuard guard;

    ScheduleRunner(SchedulerEnvironment env, TreeGuard guard) {
        this.env = env;
        this.guard = guard;
    }

    /** @param schedule a copy, read only */
    ScheduleRun run(CheckpointSchedule schedule, Instant start, boolean manual) {
        ScheduleRun run = newRun(start, manual);
        String name = "schedule '" + schedule.getName() + "'";
        Optional<Target> target = env.targets().find(schedule);
        if (target.isEmpty()) {
            return skipped(run, name + ": skipped, the target is gone (" + describeTarget(schedule)
                    + "); start it again, or edit or disable the schedule");
        }
        int pid = target.get().pid();
        run.setPid(pid);
        if (!guard.claim(pid)) {
            return skipped(run, name + ": skipped, a checkpoint of pid " + pid + " is still going (the previous run "
                    + "takes longer than the interval: lengthen the interval)");
        }
        try {
            Optional<String> noRoom = lackOfRoom(schedule, target.get());
            if (noRoom.isPresent()) {
                return skipped(run, name + ": skipped, " + noRoom.get());
            }
            return checkpoint(schedule, run, pid, start);
        } finally {
            guard.release(pid);
        }
    }

    /** @return the history entry for a tick that came while the schedule's previous run was going */
    ScheduleRun overlap(CheckpointSchedule schedule, Instant start, boolean manual) {
        // a planned run meets its predecessor when the interval is too short; a manual one when it was asked for mid-run
        String advice = manual ? "the tree is being checkpointed right now: that run shows in the history when it ends"
                : "it takes longer than the interval: lengthen the interval";
        return skipped(newRun(start, manual), "schedule '" + schedule.getName() + "': skipped, its previous run is "
                + "still going (" + advice + ")");
    }

    /** @return the history entry for a run request that waited too long for an owner to serve it */
    ScheduleRun expired(CheckpointSchedule schedule, Instant start, RunRequest request) {
        return skipped(newRun(start, true), "schedule '" + schedule.getName() + "': skipped, Run now was asked by pid "
                + request.getRequesterPid() + " at " + request.getRequested() + ", more than "
                + RunRequests.MAX_AGE.toMinutes() + " minutes before a scheduler could run it (none was running); ask again");
    }

    private ScheduleRun checkpoint(CheckpointSchedule schedule, ScheduleRun run, int pid, Instant start) {
        Path image = ScheduleImages.freeImagePath(schedule, start);
        run.setImage(image.toString());
        try {
            Files.createDirectories(image.getParent());
            Checkpoint done = env.checkpointer().checkpoint(pid, image);
            run.setResult(RunResult.OK);
            run.setImageBytes(done.imageBytes());
            run.setFreezeMs(done.frozenMs());
        } catch (CheckpointException e) {
            // the engine's messages already start with the pid; others (helper missing, ...) get it here
            String text = e.getMessage().startsWith("pid " + pid + ":") ? e.getMessage() : "pid " + pid + ": " + e.getMessage();
            fail(run, "schedule '" + schedule.getName() + "': " + text);
        } catch (IOException e) {
            fail(run, "schedule '" + schedule.getName() + "': cannot create the image folder " + image.getParent()
                    + ": " + e.getMessage() + "; create it or choose another folder");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, "schedule '" + schedule.getName() + "': cancelled, the scheduler was stopped during the checkpoint");
        }
        run.setDurationMs(Math.max(0, Duration.between(start, env.clock().instant()).toMillis()));
        return run;
    }

    private Optional<String> lackOfRoom(CheckpointSchedule schedule, Target target) {
        long last = RunHistory.lastImageBytes(schedule);
        long expected = last > 0 ? last : target.rssBytes();
        long needed = (long) (expected * SPACE_MARGIN);
        Path folder = ScheduleImages.folder(schedule);
        try {
            long usable = env.freeSpace().usableBytes(folder);
            if (usable < needed) {
                return Optional.of(folder + " has " + mib(usable) + " free, the image needs about " + mib(expected)
                        + (last > 0 ? " (as the last one)" : " (the target's resident memory)")
                        + "; free some space, lower the retention or choose another folder");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot tell the free space of " + folder + " (" + e.getMessage() + "); check the folder");
        }
    }

    private ScheduleRun newRun(Instant start, boolean manual) {
        ScheduleRun run = new ScheduleRun();
        run.setStartedUnixMs(start.toEpochMilli());
        run.setManual(manual);
        return run;
    }

    private static ScheduleRun skipped(ScheduleRun run, String why) {
        run.setResult(RunResult.SKIPPED);
        run.setMessage(why);
        return run;
    }

    private static void fail(ScheduleRun run, String why) {
        run.setResult(RunResult.FAILED);
        run.setMessage(why);
        run.setImage(""); // the engine leaves no partial image
    }

    private static String describeTarget(CheckpointSchedule schedule) {
        if (schedule.getTargetPid() > 0) {
            return "no process " + schedule.getTargetPid();
        }
        return "no process matches '" + schedule.getCommandPattern() + "'"
                + (schedule.getUser().isEmpty() ? "" : " of user " + schedule.getUser());
    }

    private static String mib(long bytes) {
        return (bytes + MIB - 1) / MIB + " MiB";
    }
}
