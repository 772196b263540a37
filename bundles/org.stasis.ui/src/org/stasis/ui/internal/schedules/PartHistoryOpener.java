package org.stasis.ui.internal.schedules;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.osgi.util.NLS;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.internal.inspector.InspectorStack;

import jakarta.inject.Inject;

/** Opens each schedule's history in its own part of the inspector's stack (the big one), at most one per schedule. */
public final class PartHistoryOpener implements HistoryOpener {

    private final InspectorStack stack;

    @Inject
    public PartHistoryOpener(EPartService parts, EModelService models, MApplication application) {
        this.stack = new InspectorStack(parts, models, application);
    }

    @Override
    public void open(CheckpointSchedule schedule) {
        stack.showOnce(HistoryPart.DESCRIPTOR_ID, HistoryPart.SCHEDULE_KEY, schedule.getId(),
                NLS.bind(Messages.History_PartLabel, schedule.getName()));
    }
}
