package org.stasis.ui.internal.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.engine.StasisEngine;
import org.stasis.core.restore.TerminalEmulator;
import org.stasis.ui.internal.preferences.StasisPreferences;

/**
 * The restore wizard: choose the image, see the pre-flight check, choose the options. Finish
 * starts the restore as a Job and closes the wizard; the restored root then shows up selected in
 * the Processes view, or an error dialog gives the engine's message.
 */
final class RestoreWizard extends Wizard {

    private final RestoreChoices choices = new RestoreChoices();
    private final StasisPreferences preferences;
    private final RestoredTreeView view;
    private final Optional<TerminalEmulator> emulator;
    private final List<Path> recent;

    RestoreWizard(StasisPreferences preferences, RestoredTreeView view, Optional<Path> image,
            Optional<TerminalEmulator> emulator, List<Path> recent) {
        this.preferences = preferences;
        this.view = view;
        this.emulator = emulator;
        this.recent = List.copyOf(recent);
        choices.image = image.map(p -> p.toAbsolutePath().normalize()).orElse(null);
        choices.pidNamespace = preferences.restoreInPidNamespace();
        setWindowTitle(Messages.Wizard_Title);
        setNeedsProgressMonitor(false); // the check and the restore run as Jobs, not in the dialog
    }

    @Override
    public void addPages() {
        addPage(new ImagePage(choices, preferences.checkpointFolder(), recent));
        addPage(new PreflightPage(choices, preferences));
        addPage(new OptionsPage(choices, emulator));
    }

    @Override
    public boolean canFinish() {
        return choices.preflightPassed() && super.canFinish();
    }

    @Override
    public boolean performFinish() {
        Shell shell = getShell().getParent() instanceof Shell parent ? parent : getShell();
        Display display = shell.getDisplay();
        StasisEngine engine;
        try {
            engine = preferences.engine();
        } catch (IOException e) {
            ((org.eclipse.jface.wizard.WizardPage) getContainer().getCurrentPage()).setErrorMessage(e.getMessage());
            return false;
        }
        java.util.function.Consumer<String> failed = message -> display.asyncExec(() -> {
            if (!shell.isDisposed()) {
                ErrorDialog.show(shell, message);
            }
        });
        if (choices.attachToTerminal && emulator.isPresent()) {
            boolean namespace = choices.request().pidNamespace();
            int root = choices.rootPid;
            // in a new namespace the root's host pid is not known here; with its own pid it is
            new TerminalRestoreJob(emulator.get(), engine.helper(), choices.request(), () -> {
                if (!namespace && root > 0) {
                    view.show(root);
                }
            }, failed).schedule();
        } else {
            new RestoreJob(engine, choices.request(), result -> view.show(result.rootPid()), failed).schedule();
        }
        return true;
    }
}
