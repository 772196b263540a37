package org.stasis.ui.internal.checkpoints;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * A question with a confirming button, opened without a nested event loop: the action runs from the
 * button, so the caller (an event handler) returns at once.
 */
final class Confirmation extends MessageDialog {

    private final Runnable confirmed;

    private Confirmation(Shell shell, String title, String question, String confirm, Runnable confirmed) {
        super(shell, title, null, question, MessageDialog.QUESTION, 1, confirm, IDialogConstants.CANCEL_LABEL);
        this.confirmed = confirmed;
        setBlockOnOpen(false);
    }

    /** Asks; runs confirmed only when the user presses confirm (Cancel is the default button). */
    static Confirmation ask(Shell shell, String title, String question, String confirm, Runnable confirmed) {
        Confirmation dialog = new Confirmation(shell, title, question, confirm, confirmed);
        dialog.open();
        return dialog;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        super.buttonPressed(buttonId);
        if (buttonId == 0) {
            confirmed.run();
        }
    }
}
