package org.stasis.ui.internal.restore;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.restore.TerminalEmulator;
import org.stasis.ui.internal.checkpoints.CheckpointFiles;
import org.stasis.ui.internal.preferences.StasisPreferences;

/** Opens the restore wizard, from File > Restore…, the Checkpoints view or the inspector. */
public final class RestoreWizardOpener {

    /** The newest images of the checkpoint folder page 1 offers. */
    private static final int RECENT = 12;

    private RestoreWizardOpener() {
    }

    /**
     * Opens the wizard without blocking the caller (the wizard starts its Jobs and closes itself).
     *
     * @param image pre-selected on page 1; empty to let the user choose
     * @param context where the workbench's part service and event broker are found
     */
    public static WizardDialog open(Shell shell, Optional<Path> image, IEclipseContext context) {
        StasisPreferences preferences = new StasisPreferences();
        RestoredTreeView view = ContextInjectionFactory.make(ProcessesViewReveal.class, context);
        RestoreWizard wizard = new RestoreWizard(preferences, view, image, TerminalEmulator.find(),
                CheckpointFiles.newest(preferences.checkpointFolder(), RECENT));
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }
}
