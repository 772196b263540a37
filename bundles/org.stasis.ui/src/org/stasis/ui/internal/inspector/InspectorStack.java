package org.stasis.ui.internal.inspector;

import java.util.Objects;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * The part stack beside the views, where images and schedule histories open, one part per thing
 * shown. It is hidden while it holds nothing, so that the views have the whole window until the
 * first image opens (the application model starts it hidden, {@link InspectorAddon} hides it again
 * when its last part closes).
 */
public final class InspectorStack {

    /** The part stack of Application.e4xmi that holds inspector and history parts. */
    public static final String ID = "org.stasis.rcp.partstack.inspector"; //$NON-NLS-1$

    private final EPartService parts;
    private final EModelService models;
    private final MApplication application;

    public InspectorStack(EPartService parts, EModelService models, MApplication application) {
        this.parts = Objects.requireNonNull(parts, "parts"); //$NON-NLS-1$
        this.models = Objects.requireNonNull(models, "models"); //$NON-NLS-1$
        this.application = application;
    }

    /**
     * Activates the part of descriptorId whose persisted state has key = value, or creates it with
     * that state and label in this stack (shown, if it was hidden) and activates it.
     */
    public MPart showOnce(String descriptorId, String key, String value, String label) {
        for (MPart part : parts.getParts()) {
            if (descriptorId.equals(part.getElementId()) && value.equals(part.getPersistedState().get(key))) {
                parts.showPart(part, PartState.ACTIVATE);
                return part;
            }
        }
        MPart part = parts.createPart(descriptorId);
        part.getPersistedState().put(key, value);
        part.setLabel(label);
        if (models.find(ID, application) instanceof MPartStack stack) {
            stack.setToBeRendered(true);
            stack.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
        return part;
    }

    /**
     * Hides stack when none of its parts is to be rendered any more (closing a part leaves it in the
     * model, not rendered).
     *
     * @return whether the stack is hidden now
     */
    public static boolean hideIfEmpty(MPartStack stack) {
        if (stack.isToBeRendered() && stack.getChildren().stream().noneMatch(MUIElement::isToBeRendered)) {
            stack.setToBeRendered(false);
        }
        return !stack.isToBeRendered();
    }
}
