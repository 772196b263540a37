package org.stasis.ui.internal.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.StasisEngine;
import org.stasis.ui.InspectorService;
import org.stasis.ui.internal.inspector.Errors;
import org.stasis.ui.internal.preferences.StasisPreferences;

import jakarta.inject.Inject;

/**
 * The point-and-click checkpoint: the dialog, then a {@link CheckpointJob} shown in a progress area,
 * then a notification or the engine's error. Views that offer the action own one (through DI).
 */
@Creatable
public final class CheckpointAction {

    private final StasisPreferences preferences;
    private final PrivilegeCheck privileges;
    private final Optional<InspectorService> inspector;

    @Inject
    public CheckpointAction(StasisPreferences preferences, PrivilegeCheck privileges,
            @org.eclipse.e4.core.di.annotations.Optional InspectorService inspector) {
        this.preferences = Objects.requireNonNull(preferences, "preferences"); //$NON-NLS-1$
        this.privileges = Objects.requireNonNull(privileges, "privileges"); //$NON-NLS-1$
        this.inspector = Optional.ofNullable(inspector);
    }

    /** Starts the privilege check of the current helper in the background, so the dialog knows at once. */
    public void prepare() {
        try {
            privileges.status(preferences.helper());
        } catch (IOException e) {
            // no helper: the dialog says so when the user asks for a checkpoint
        }
    }

    /** Asks about and then runs a checkpoint of subject; returns at once (the dialog does not block). */
    public void run(Shell shell, CheckpointSubject subject, CheckpointProgressArea progressArea) {
        Path helper;
        try {
            helper = preferences.helper();
        } catch (IOException e) {
            Errors.show(shell, Messages.Failed_Title, NLS.bind(Messages.Failed_NoHelper, e.getMessage()));
            return;
        }
        StasisEngine engine = new StasisEngine(helper);
        new CheckpointDialog(shell, subject, preferences.checkpointFolder(), preferences.stopAfterCheckpoint(),
                LocalDateTime.now(), privileges.status(helper), new DestinationCheck(),
                request -> start(shell, subject, engine, request, progressArea)).open();
    }

    private void start(Shell shell, CheckpointSubject subject, StasisEngine engine, DumpRequest request,
            CheckpointProgressArea progressArea) {
        CheckpointJob job = new CheckpointJob(engine, subject, request);
        progressArea.track(job);
        Display display = shell.getDisplay();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> report(shell, job));
                }
            }
        });
        job.schedule();
    }

    private void report(Shell shell, CheckpointJob job) {
        Shell parent = shell.isDisposed() ? shell.getDisplay().getActiveShell() : shell;
        CheckpointSubject subject = job.subject();
        switch (job.outcome().orElse(new CheckpointOutcome.Canceled())) {
            case CheckpointOutcome.Written written -> CheckpointNotification.show(parent, subject, written, inspector);
            case CheckpointOutcome.Failed failed -> Errors.show(parent, Messages.Failed_Title,
                    NLS.bind(Messages.Failed_Message, new Object[] { subject.root().name(), subject.pid(),
                            job.request().image(), failed.message() }));
            case CheckpointOutcome.Canceled canceled -> {
                // the user asked for it and saw the progress row go: the tree runs on untouched
            }
        }
    }
}
