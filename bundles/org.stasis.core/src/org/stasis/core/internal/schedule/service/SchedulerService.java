package org.stasis.core.internal.schedule.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.stasis.core.engine.StasisEngine;
import org.stasis.core.schedule.EngineCheckpointer;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.Schedulers;
import org.stasis.model.CheckpointSchedule;
import org.stasis.nativelib.NativeLocator;

/**
 * The headless scheduler: opens the schedules file, runs its schedules until stopped, journals each
 * run on stdout. The same {@link Scheduler} the workbench uses, so schedules behave the same with
 * and without a window; the file's lock decides which of the two fires them.
 */
@SuppressWarnings("nls") // command-line words and log lines
public final class SchedulerService {

    /** Exit codes as the engine's: 0 stopped cleanly, 1 could not run, 2 usage error. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: stasis-scheduler [--schedules FILE]\n"
            + "  Runs the periodic checkpoints of FILE (default: $STASIS_SCHEDULES, else\n"
            + "  $XDG_DATA_HOME/stasis/schedules.xmi, else ~/.local/share/stasis/schedules.xmi)\n"
            + "  until SIGTERM or SIGINT; one line per run on stdout.";

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Scheduler scheduler;

    public SchedulerService(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs until {@link #stop()}; returns the exit code. */
    public int run(List<String> args) {
        Optional<Path> file;
        try {
            file = schedulesFile(args);
        } catch (IllegalArgumentException e) {
            err.println("stasis-scheduler: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        if (file.isEmpty()) {
            out.println(USAGE_TEXT);
            return OK;
        }
        RunJournal journal = new RunJournal(out, Clock.systemUTC());
        try {
            StasisEngine engine = new StasisEngine(NativeLocator.fromRuntime().helper());
            scheduler = Schedulers.open(file.get(), new EngineCheckpointer(engine));
            scheduler.addListener(journal);
            journal.say("stasis-scheduler (pid " + ProcessHandle.current().pid() + "): " + scheduler.schedules().size()
                    + " schedule(s) in " + file.get() + ", engine " + engine.helper());
            scheduler.schedules().forEach(s -> journal.say(describe(scheduler, s)));
            if (!scheduler.owner().ours()) {
                journal.ownerChanged(scheduler.owner());
            }
            stopped.await();
            return OK;
        } catch (ScheduleFileException e) {
            err.println("stasis-scheduler: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("stasis-scheduler: no engine: " + e.getMessage()
                    + "; set STASIS_HELPER to the stasis binary or use a complete product");
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } finally {
            Scheduler open = scheduler;
            if (open != null) {
                open.close();
                journal.say("stopped; running checkpoints were cancelled and the lock given up");
            }
            finished.countDown();
        }
    }

    /** Makes {@link #run} close the scheduler and return; from the framework. */
    public void stop() {
        stopped.countDown();
    }

    /**
     * Stops and waits until the scheduler is closed: for a shutdown hook, since the JVM halts as soon
     * as its hooks return and would otherwise leave a checkpoint running and the lock behind.
     */
    public void stopAndWait(Duration atMost) {
        stop();
        try {
            finished.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Scheduler scheduler, CheckpointSchedule s) {
        return "schedule '" + s.getName() + "': " + (s.isEnabled() ? "next run " + scheduler.nextRun(s.getId())
                .map(Object::toString).orElse("none") : "disabled") + ", images in " + s.getFolder();
    }

    /** @return the file to run; empty when help was asked for */
    static Optional<Path> schedulesFile(List<String> args) {
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--schedules" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--schedules needs a file");
                    }
                    file = Path.of(args.get(++i)).toAbsolutePath();
                }
                case "-h", "--help" -> {
                    return Optional.empty();
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args.get(i) + "'");
            }
        }
        return Optional.of(file != null ? file : Schedulers.defaultSchedulesFile());
    }
}
