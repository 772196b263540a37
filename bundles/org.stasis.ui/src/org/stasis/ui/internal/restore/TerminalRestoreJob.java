package org.stasis.ui.internal.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.restore.TerminalEmulator;

/**
 * Restores a terminal job in a new terminal window: starts the emulator running
 * `stasis restore --shell-job`, which then owns the tree. The window shows the engine's progress and
 * errors; the workbench does not wait for it.
 */
final class TerminalRestoreJob extends Job {

    private final TerminalEmulator emulator;
    private final Path helper;
    private final RestoreRequest request;
    private final Runnable started;
    private final Consumer<String> failed;

    TerminalRestoreJob(TerminalEmulator emulator, Path helper, RestoreRequest request, Runnable started,
            Consumer<String> failed) {
        super(NLS.bind(Messages.Job_Terminal, request.image().getFileName()));
        this.emulator = emulator;
        this.helper = helper;
        this.request = request;
        this.started = started;
        this.failed = failed;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            new ProcessBuilder(emulator.command(helper, request)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            failed.accept(NLS.bind(Messages.Error_Terminal, emulator.executable(), e.getMessage()));
            return Status.OK_STATUS;
        }
        started.run();
        return Status.OK_STATUS;
    }
}
