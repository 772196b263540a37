package org.stasis.ui.internal.restore;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.stasis.ui.ProcessSelection;

import jakarta.inject.Inject;

/** Shows a restored tree in the workbench's Processes view: activates the view, then asks it to select the root. */
final class ProcessesViewReveal implements RestoredTreeView {

    private final EPartService parts;
    private final IEventBroker broker;
    private final UISynchronize sync;

    @Inject
    ProcessesViewReveal(EPartService parts, IEventBroker broker, UISynchronize sync) {
        this.parts = parts;
        this.broker = broker;
        this.sync = sync;
    }

    @Override
    public void show(int pid) {
        sync.asyncExec(() -> {
            MPart part = parts.findPart(ProcessSelection.PART_ID);
            if (part != null) {
                parts.showPart(part, PartState.ACTIVATE);
            } else {
                parts.showPart(ProcessSelection.PART_ID, PartState.ACTIVATE);
            }
            // after the activation: a view just (re)created subscribes as it is made
            broker.post(ProcessSelection.TOPIC, Integer.valueOf(pid));
        });
    }
}
