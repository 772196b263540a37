package org.stasis.ui.internal.inspector;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Error dialogs of the inspector. */
public final class Errors {

    private Errors() {
    }

    /**
     * Opens an error dialog without blocking the caller: errors arrive from Jobs through asyncExec,
     * and a nested modal loop there would stall whatever event loop happened to run it.
     */
    public static void show(Shell shell, String title, String message) {
        MessageDialog box = new MessageDialog(shell, title, null, message, MessageDialog.ERROR, 0,
                IDialogConstants.OK_LABEL);
        box.setBlockOnOpen(false);
        box.open();
    }
}
