package org.stasis.ui.internal.restore;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.EngineProgress;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.engine.RestoreResult;
import org.stasis.core.engine.StasisEngine;

/**
 * Restores a tree detached, through `stasis restore --json` in a helper process: progress is the
 * engine's pages filled of pages to fill; cancel stops the engine, which kills what it created.
 * Outcomes go to the callbacks, on the Job's thread.
 */
final class RestoreJob extends Job {

    /** Ticks of the whole restore; the memory fill is nearly all of the time. */
    private static final int TICKS = 1000;

    private final StasisEngine engine;
    private final RestoreRequest request;
    private final Consumer<RestoreResult> restored;
    private final Consumer<String> failed;

    RestoreJob(StasisEngine engine, RestoreRequest request, Consumer<RestoreResult> restored, Consumer<String> failed) {
        super(NLS.bind(Messages.Job_Restore, request.image().getFileName()));
        this.engine = engine;
        this.request = request;
        this.restored = restored;
        this.failed = failed;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), TICKS);
        RestoreResult result;
        try {
            result = engine.restore(request, new EngineMonitor() {
                private int reported;

                @Override
                public void progress(EngineProgress p) {
                    if ("restore-memory".equals(p.phase())) { //$NON-NLS-1$
                        int now = (int) (p.fraction() * TICKS);
                        progress.worked(now - reported);
                        reported = Math.max(reported, now);
                        progress.subTask(NLS.bind(Messages.Job_Memory, p.done(), p.total()));
                    }
                }

                @Override
                public boolean isCanceled() {
                    return monitor.isCanceled();
                }
            });
        } catch (EngineException e) {
            if (e.isCanceled()) {
                return Status.CANCEL_STATUS; // the engine killed what it had made: nothing to report
            }
            failed.accept(NLS.bind(Messages.Error_Restore, request.image(), e.getMessage()));
            return Status.OK_STATUS; // the error dialog says it all; logging it again helps nobody
        }
        progress.done();
        restored.accept(result);
        return Status.OK_STATUS;
    }
}
