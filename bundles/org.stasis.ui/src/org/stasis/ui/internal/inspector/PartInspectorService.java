package org.stasis.ui.internal.inspector;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Display;
import org.stasis.ui.InspectorService;

import jakarta.inject.Inject;

/** Opens each image in its own part of the inspector stack, at most one part per file. */
public final class PartInspectorService implements InspectorService {

    /** The part stack of Application.e4xmi that holds inspector parts. */
    public static final String STACK_ID = "org.stasis.rcp.partstack.inspector"; //$NON-NLS-1$

    private final EPartService parts;
    private final EModelService models;
    private final MApplication application;
    private final UISynchronize sync;

    @Inject
    public PartInspectorService(EPartService parts, EModelService models, MApplication application,
            UISynchronize sync) {
        this.parts = parts;
        this.models = models;
        this.application = application;
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
        for (MPart part : parts.getParts()) {
            if (InspectorPart.DESCRIPTOR_ID.equals(part.getElementId())
                    && file.toString().equals(part.getPersistedState().get(InspectorPart.PATH_KEY))) {
                parts.showPart(part, PartState.ACTIVATE);
                return;
            }
        }
        MPart part = parts.createPart(InspectorPart.DESCRIPTOR_ID);
        part.getPersistedState().put(InspectorPart.PATH_KEY, file.toString());
        part.setLabel(file.getFileName().toString());
        if (models.find(STACK_ID, application) instanceof MPartStack stack) {
            stack.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
    }
}
