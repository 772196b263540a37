package org.stasis.ui.internal.restore;

import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File > Restore…: the restore wizard, the image still to be chosen. */
public final class RestoreHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEclipseContext context) {
        RestoreWizardOpener.open(shell, Optional.empty(), context);
    }
}
