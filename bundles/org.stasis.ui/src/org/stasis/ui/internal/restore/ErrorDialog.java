package org.stasis.ui.internal.restore;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** The error of a restore, in the engine's own words, in full. */
final class ErrorDialog {

    private ErrorDialog() {
    }

    /**
     * Opens without blocking the caller: errors arrive from Jobs through asyncExec, and a nested
     * modal loop there would stall whatever event loop happened to run it.
     */
    static void show(Shell shell, String message) {
        MessageDialog box = new MessageDialog(shell, Messages.Error_Title, null, message, MessageDialog.ERROR, 0,
                IDialogConstants.OK_LABEL);
        box.setBlockOnOpen(false);
        box.open();
    }
}
