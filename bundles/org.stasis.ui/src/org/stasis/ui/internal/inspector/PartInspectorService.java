package org.stasis.ui.internal.inspector;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.stasis.ui.InspectorService;

import jakarta.inject.Inject;

/** Opens each image in its own part of the inspector stack, at most one part per file. */
public final class PartInspectorService implements InspectorService {

    private final InspectorStack stack;
    private final UISynchronize sync;

    @Inject
    public PartInspectorService(EPartService parts, EModelService models, MApplication application,
            UISynchronize sync) {
        this.stack = new InspectorStack(parts, models, application);
        this.sync = sync;
    }

    @Override
    public void open(Path image) {
        // the same file reached by two spellings (relative, "..", symlinked dir) is one part
        Path file = Objects.requireNonNull(image, "image").toAbsolutePath().normalize(); //$NON-NLS-1$
        if (Display.getCurrent() == null) {
            sync.asyncExec(() -> open(file));
            return;
        }
        stack.showOnce(InspectorPart.DESCRIPTOR_ID, InspectorPart.PATH_KEY, file.toString(), file.getFileName().toString());
    }
}
