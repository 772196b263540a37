package org.stasis.ui.internal.inspector;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.stasis.ui.InspectorService;

import jakarta.inject.Named;

/** File > Open… (Ctrl+O): choose a .stasis file and show it in the inspector. */
public final class OpenImageHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, InspectorService inspector) {
        ImageFiles.choose(shell, Messages.Open_Title).ifPresent(inspector::open);
    }
}
