package org.stasis.ui.internal.checkpoints;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Reads the checkpoint folders into rows, off the UI thread. Scheduling it while it runs makes it
 * run once more afterwards, so bursts of changes end in one last, complete scan.
 */
final class CheckpointScanJob extends Job {

    private final CheckpointReader reader = new CheckpointReader();
    private final Supplier<List<Path>> folders;
    private final Consumer<List<CheckpointEntry>> done;

    /** @param done gets the rows on this Job's thread */
    CheckpointScanJob(Supplier<List<Path>> folders, Consumer<List<CheckpointEntry>> done) {
        super(Messages.Scan_Job);
        this.folders = folders;
        this.done = done;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            done.accept(reader.read(folders.get(), monitor));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }
}
