package org.stasis.ui.internal.preferences;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

/** Window > Preferences…: JFace's preference dialog over the workbench's pages. */
public final class StasisPreferenceDialog extends PreferenceDialog {

    private static final String NODE_ID = "org.stasis.ui.preferences.general"; //$NON-NLS-1$

    public StasisPreferenceDialog(Shell parent, StasisPreferences preferences) {
        super(parent, pages(preferences));
    }

    private static PreferenceManager pages(StasisPreferences preferences) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode(NODE_ID, new StasisPreferencePage(preferences)));
        return manager;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Dialog_Title);
    }
}
