package org.stasis.ui.internal.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    /** How long an emulator that fails to open its window may take to end. */
    static final long WINDOW_SETTLE_MS = 1500;

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
        Path errors = null;
        try {
            // an emulator that cannot open its window (no display, a bad option) says why on stderr
            // and ends at once; one that opened it keeps running until the user closes it
            errors = Files.createTempFile("stasis-terminal", ".err"); //$NON-NLS-1$ //$NON-NLS-2$
            Process terminal = new ProcessBuilder(emulator.command(helper, request))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
            if (terminal.waitFor(WINDOW_SETTLE_MS, TimeUnit.MILLISECONDS) && terminal.exitValue() != 0) {
                String said = Files.readString(errors).strip();
                failed.accept(NLS.bind(Messages.Error_TerminalEnded, new Object[] { emulator.executable(),
                        Integer.toString(terminal.exitValue()), said.isEmpty() ? Messages.Error_TerminalSaidNothing : said }));
                return Status.OK_STATUS;
            }
        } catch (IOException e) {
            failed.accept(NLS.bind(Messages.Error_Terminal, emulator.executable(), e.getMessage()));
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            deleteQuietly(errors); // the emulator keeps its open descriptor; only the name goes
        }
        started.run();
        return Status.OK_STATUS;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover empty file in the temp folder is harmless
            }
        }
    }
}
