package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.stasis.core.internal.schedule.FreeSpace;
import org.stasis.core.internal.schedule.ProcTargetFinder;
import org.stasis.core.internal.schedule.Target;
import org.stasis.model.CheckpointSchedule;

/**
 * Finds, off the display thread, what the dialog's disk estimate needs: the target the scheduler
 * would checkpoint now (by pid or pattern, as the scheduler finds it) with its tree's memory, and the
 * free space of the folder. Each new request replaces the pending one, so typing does not pile up
 * reads of /proc.
 */
final class TargetProbe {

    /** What was found: the target (empty when it is not running) and the folder's free space. */
    record Found(Optional<Target> target, OptionalLong freeBytes) {
    }

    /** Waits for typing to pause before reading /proc. */
    private static final long DELAY_MS = 250;

    private final Display display;
    private final Consumer<Found> onFound;
    private Job pending;
    /**
     * Counts requests and cancellations (on the display thread only): a result is shown only while
     * its request is the latest, so nothing reaches a dialog closed or re-probed since it started.
     */
    private long generation;

    TargetProbe(Display display, Consumer<Found> onFound) {
        this.display = Objects.requireNonNull(display, "display"); //$NON-NLS-1$
        this.onFound = Objects.requireNonNull(onFound, "onFound"); //$NON-NLS-1$
    }

    /** Looks for schedule's target and the room in its folder; reports on the display thread. */
    void probe(CheckpointSchedule schedule) {
        cancel();
        long request = generation;
        Job job = Job.create(Messages.Probe_Job, (IProgressMonitor monitor) -> {
            Found found = new Found(new ProcTargetFinder().find(schedule), freeSpace(schedule.getFolder()));
            if (!monitor.isCanceled() && !display.isDisposed()) {
                display.asyncExec(() -> {
                    if (request == generation) {
                        onFound.accept(found);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        pending = job;
        job.schedule(DELAY_MS);
    }

    /** Drops the pending request and any result of it still on its way to the display thread. */
    void cancel() {
        generation++;
        if (pending != null) {
            pending.cancel();
        }
    }

    private static OptionalLong freeSpace(String folder) {
        try {
            return OptionalLong.of(FreeSpace.system().usableBytes(Path.of(folder)));
        } catch (IOException | InvalidPathException e) {
            return OptionalLong.empty(); // the estimate says the free space is unknown
        }
    }
}
