package org.stasis.ui.internal.schedules;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.osgi.util.NLS;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.internal.inspector.PartInspectorService;

import jakarta.inject.Inject;

/** Opens each schedule's history in its own part of the inspector's stack (the big one), at most one per schedule. */
public final class PartHistoryOpener implements HistoryOpener {

    private final EPartService parts;
    private final EModelService models;
    private final MApplication application;

    @Inject
    public PartHistoryOpener(EPartService parts, EModelService models, MApplication application) {
        this.parts = parts;
        this.models = models;
        this.application = application;
    }

    @Override
    public void open(CheckpointSchedule schedule) {
        for (MPart part : parts.getParts()) {
            if (HistoryPart.DESCRIPTOR_ID.equals(part.getElementId())
                    && schedule.getId().equals(part.getPersistedState().get(HistoryPart.SCHEDULE_KEY))) {
                parts.showPart(part, PartState.ACTIVATE);
                return;
            }
        }
        MPart part = parts.createPart(HistoryPart.DESCRIPTOR_ID);
        part.getPersistedState().put(HistoryPart.SCHEDULE_KEY, schedule.getId());
        part.setLabel(NLS.bind(Messages.History_PartLabel, schedule.getName()));
        if (models.find(PartInspectorService.STACK_ID, application) instanceof MPartStack stack) {
            stack.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
    }
}
