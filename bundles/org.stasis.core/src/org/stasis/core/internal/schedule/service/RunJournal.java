package org.stasis.core.internal.schedule.service;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

import org.stasis.core.schedule.ScheduleListener;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/**
 * One line per event on stdout, for the systemd journal (which adds its own time stamp; ours is
 * the run's, so that lines match the history).
 */
@SuppressWarnings("nls") // log lines
final class RunJournal implements ScheduleListener {

    private final PrintStream out;
    private final Clock clock;

    RunJournal(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void say(String line) {
        out.println(clock.instant() + " " + line);
        out.flush();
    }

    @Override
    public void runFinished(CheckpointSchedule schedule, ScheduleRun run) {
        String head = run.getStarted() + " schedule '" + schedule.getName() + "': ";
        if (run.getResult() == RunResult.OK) {
            out.println(head + String.format(Locale.ROOT, "ok pid %d, %.1f MiB, frozen %.1f ms, %d ms -> %s%s", run.getPid(),
                    run.getImageBytes() / 1048576.0, run.getFreezeMs(), run.getDurationMs(), run.getImage(),
                    run.getMessage().isEmpty() ? "" : " (" + run.getMessage() + ")"));
        } else {
            out.println(head + run.getResult().name().toLowerCase(Locale.ROOT) + ": " + run.getMessage());
        }
        out.flush();
    }

    @Override
    public void schedulesChanged() {
        say("schedules changed in the file; planned anew");
    }

    @Override
    public void ownerChanged(SchedulerOwner owner) {
        say(owner.ours() ? "this service now runs the schedules (pid " + owner.pid() + ")"
                : owner.describe() + "; waiting until it stops");
    }

    @Override
    public void schedulesFileFailed(IOException problem) {
        say("error: " + problem.getMessage());
    }
}
