package org.stasis.ui.internal.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.stasis.core.restore.HostState;
import org.stasis.core.restore.Preflight;
import org.stasis.core.restore.PreflightReport;
import org.stasis.core.restore.RestoreCandidate;
import org.stasis.core.restore.TerminalFds;
import org.stasis.ui.internal.preferences.StasisPreferences;

/**
 * Runs the pre-flight check of one image in the background (it reads the image's metadata, /proc and
 * runs `stasis check`), and hands the outcome to the UI thread.
 */
final class PreflightJob extends Job {

    /** What the check found, or why it could not run. */
    record Outcome(PreflightReport report, List<String> terminalFds, int rootPid, String error) {
    }

    private final Path image;
    private final StasisPreferences preferences;
    private final Display display;
    private final Consumer<Outcome> done;

    PreflightJob(Path image, StasisPreferences preferences, Display display, Consumer<Outcome> done) {
        super(NLS.bind(Messages.Preflight_Job, image.getFileName()));
        this.image = image;
        this.preferences = preferences;
        this.display = display;
        this.done = done;
        setSystem(true); // the page shows its own progress
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        Outcome outcome;
        try {
            RestoreCandidate candidate = RestoreCandidate.read(image);
            progress.split(3);
            HostState host = Preflight.readHost(preferences.engine(), progress.split(7));
            outcome = new Outcome(Preflight.run(candidate, host), TerminalFds.of(candidate.metadata()),
                    candidate.metadata().getRootPid(), ""); //$NON-NLS-1$
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            // the reader's and the locator's messages name the file and the problem
            outcome = new Outcome(null, List.of(), 0, e instanceof IOException ? e.getMessage() : e.toString());
        }
        Outcome result = outcome;
        if (!display.isDisposed()) {
            display.asyncExec(() -> done.accept(result));
        }
        return Status.OK_STATUS;
    }
}
