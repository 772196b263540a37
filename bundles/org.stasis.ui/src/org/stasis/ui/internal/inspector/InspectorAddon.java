package org.stasis.ui.internal.inspector;

import java.nio.file.Path;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;
import org.stasis.ui.InspectorService;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Application addon of the inspector: puts the {@link InspectorService} into the application
 * context, and lets files dropped anywhere on a workbench window open in the inspector.
 */
public final class InspectorAddon {

    private InspectorService service;

    @PostConstruct
    public void start(IEclipseContext context) {
        service = ContextInjectionFactory.make(PartInspectorService.class, context);
        context.set(InspectorService.class, service);
    }

    /** Windows get their shell after addons start: install the drop target when it appears. */
    @Inject
    @Optional
    public void windowRendered(@UIEventTopic(UIEvents.UIElement.TOPIC_WIDGET) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MWindow
                && event.getProperty(UIEvents.EventTags.NEW_VALUE) instanceof Shell shell) {
            installDropTarget(shell, service);
        }
    }

    /**
     * Opens files dropped on control (and, under GTK, on any child without a drop target of its own)
     * in the inspector.
     */
    public static DropTarget installDropTarget(Control control, InspectorService inspector) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                // copy, never move: the inspector only reads, and a move would delete the source
                e.detail = (e.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_LINK;
            }

            @Override
            public void drop(DropTargetEvent e) {
                if (e.data instanceof String[] files) {
                    for (String file : files) {
                        inspector.open(Path.of(file));
                    }
                }
            }
        });
        return target;
    }
}
