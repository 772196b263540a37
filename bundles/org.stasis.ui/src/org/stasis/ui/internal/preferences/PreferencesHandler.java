package org.stasis.ui.internal.preferences;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Window > Preferences…: opens the preference dialog. */
public final class PreferencesHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, StasisPreferences preferences) {
        new StasisPreferenceDialog(shell, preferences).open();
    }
}
