package org.stasis.ui.internal.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.DumpResult;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMessage;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.EngineProgress;
import org.stasis.core.engine.StasisEngine;

/**
 * One checkpoint: `stasis dump --json` in the helper process, never in the workbench's own process,
 * with its page counts as the Job's progress. Canceling the Job stops the helper, which resumes the
 * tree untouched and leaves no image.
 */
public final class CheckpointJob extends Job {

    /** Progress units of the whole dump: fine enough for a smooth bar. */
    private static final int TICKS = 1000;

    private final StasisEngine engine;
    private final DumpRequest request;
    private final CheckpointSubject subject;
    private volatile Consumer<DumpProgress.Step> progressListener = step -> {
        // nobody shows this job's progress yet
    };
    private volatile CheckpointOutcome outcome;

    public CheckpointJob(StasisEngine engine, CheckpointSubject subject, DumpRequest request) {
        super(NLS.bind(Messages.Job_Name, subject.root().name(), subject.pid()));
        this.engine = Objects.requireNonNull(engine, "engine"); //$NON-NLS-1$
        this.subject = Objects.requireNonNull(subject, "subject"); //$NON-NLS-1$
        this.request = Objects.requireNonNull(request, "request"); //$NON-NLS-1$
        setUser(true);
    }

    public CheckpointSubject subject() {
        return subject;
    }

    public DumpRequest request() {
        return request;
    }

    /** Receives each step on the Job's thread: a UI must move it to its own thread. */
    void setProgressListener(Consumer<DumpProgress.Step> listener) {
        this.progressListener = Objects.requireNonNull(listener, "listener"); //$NON-NLS-1$
    }

    /** @return how the checkpoint ended; empty while it runs */
    public Optional<CheckpointOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), TICKS);
        outcome = checkpoint(progress, monitor);
        // the UI reports every outcome itself (notification, error dialog): nothing for the log
        return outcome instanceof CheckpointOutcome.Canceled ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    private CheckpointOutcome checkpoint(SubMonitor progress, IProgressMonitor monitor) {
        try {
            Path folder = request.image().toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            return new CheckpointOutcome.Failed(NLS.bind(Messages.Job_NoFolder, request.image().getParent(), e));
        }
        DumpProgress steps = new DumpProgress();
        int[] reported = { 0 };
        EngineMonitor engineMonitor = new EngineMonitor() {
            @Override
            public void progress(EngineProgress event) {
                DumpProgress.Step step = steps.update(event);
                int ticks = (int) Math.round(step.fraction() * TICKS);
                progress.worked(ticks - reported[0]);
                reported[0] = ticks;
                progress.subTask(step.text());
                progressListener.accept(step);
            }

            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
        try {
            DumpResult result = engine.dump(request, engineMonitor);
            return new CheckpointOutcome.Written(result, sizeOf(result.image()));
        } catch (EngineException e) {
            return e.isCanceled() ? new CheckpointOutcome.Canceled() : new CheckpointOutcome.Failed(fullText(e));
        }
    }

    /** The engine's error, preceded by any other errors and warnings it printed on the way. */
    private static String fullText(EngineException e) {
        StringBuilder text = new StringBuilder();
        for (EngineMessage m : e.messages()) {
            if ((m.isError() || m.isWarning()) && !m.text().equals(e.getMessage())) {
                text.append(m.text()).append('\n');
            }
        }
        return text.append(e.getMessage()).toString();
    }

    private static long sizeOf(Path image) {
        try {
            return Files.size(image);
        } catch (IOException e) {
            return -1; // the engine wrote it a moment ago: only a concurrent delete gets here
        }
    }
}
