package org.stasis.ui.internal.checkpoint;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;

import jakarta.inject.Named;

/** Process > Checkpoint… (Ctrl+K): checkpoints the process selected in the active part. */
public final class CheckpointHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof CheckpointSource source && source.canCheckpointSelection();
    }

    @Execute
    public void execute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (part != null && part.getObject() instanceof CheckpointSource source && source.canCheckpointSelection()) {
            source.checkpointSelection();
        }
    }
}
