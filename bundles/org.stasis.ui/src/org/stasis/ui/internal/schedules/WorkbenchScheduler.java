package org.stasis.ui.internal.schedules;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.stasis.core.schedule.Checkpointer;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.Schedulers;

/**
 * The workbench's one scheduler, or why it could not be opened (a broken schedules file must not keep
 * the workbench from starting: the views show the problem instead). Lives in the application context.
 */
public final class WorkbenchScheduler implements AutoCloseable {

    private final Path file;
    private final Optional<Scheduler> scheduler;
    private final Optional<String> problem;

    private WorkbenchScheduler(Path file, Optional<Scheduler> scheduler, Optional<String> problem) {
        this.file = file;
        this.scheduler = scheduler;
        this.problem = problem;
    }

    /** Opens the schedules of file; never throws, a file that cannot be used becomes {@link #problem()}. */
    public static WorkbenchScheduler open(Path file, Checkpointer checkpointer) {
        Objects.requireNonNull(file, "file"); //$NON-NLS-1$
        Objects.requireNonNull(checkpointer, "checkpointer"); //$NON-NLS-1$
        try {
            return new WorkbenchScheduler(file, Optional.of(Schedulers.open(file, checkpointer)), Optional.empty());
        } catch (ScheduleFileException e) {
            return new WorkbenchScheduler(file, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** @return the schedules file, also when it could not be opened */
    public Path schedulesFile() {
        return file;
    }

    /** @return the scheduler; empty when the file could not be opened */
    public Optional<Scheduler> scheduler() {
        return scheduler;
    }

    /** @return why there is no scheduler */
    public Optional<String> problem() {
        return problem;
    }

    /** Stops firing and gives up the lock, so that the service can take the schedules over. */
    @Override
    public void close() {
        scheduler.ifPresent(Scheduler::close);
    }
}
