package org.stasis.ui.internal.inspector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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
     * When an image or a history closes, the stack they open in hides once it holds nothing, so the
     * views get the window back. Deferred: the renderer is still taking the part down.
     */
    @Inject
    @Optional
    public void partClosed(@UIEventTopic(UIEvents.UIElement.TOPIC_TOBERENDERED) Event event) {
        hideEmptyStack(event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MUIElement e ? e.getParent() : null);
    }

    @Inject
    @Optional
    public void partRemoved(@UIEventTopic(UIEvents.ElementContainer.TOPIC_CHILDREN) Event event) {
        if (UIEvents.isREMOVE(event)) {
            hideEmptyStack(event.getProperty(UIEvents.EventTags.ELEMENT));
        }
    }

    private static void hideEmptyStack(Object element) {
        Display display = Display.getCurrent();
        if (element instanceof MPartStack stack && InspectorStack.ID.equals(stack.getElementId()) && display != null) {
            display.asyncExec(() -> InspectorStack.hideIfEmpty(stack));
        }
    }

    /**
     * Opens files dropped on control or anywhere inside it in the inspector. Under GTK a drop goes to
     * the innermost widget under the pointer that takes drops: children without drop handling of
     * their own (trees, tables, labels, composites) pass it up to control, but text fields take drops
     * natively and would swallow the file (or paste its path). Each text field inside control, also
     * those created later (the inspector builds its tabs once an image has loaded), gets a drop
     * target of its own that opens the files.
     */
    public static DropTarget installDropTarget(Control control, InspectorService inspector) {
        DropTarget target = fileDropTarget(control, inspector);
        Display display = control.getDisplay();
        // controls are laid out (resized) after they are created: the first resize is the moment
        Listener textFields = event -> {
            if (event.widget instanceof Text text && !text.isDisposed()
                    && text.getData(DND.DROP_TARGET_KEY) == null && isInside(text, control)) {
                fileDropTarget(text, inspector);
            }
        };
        display.addFilter(SWT.Resize, textFields);
        control.addDisposeListener(e -> display.removeFilter(SWT.Resize, textFields));
        for (Text text : textFieldsIn(control)) {
            fileDropTarget(text, inspector);
        }
        return target;
    }

    private static boolean isInside(Control child, Control ancestor) {
        for (Control c = child; c != null; c = c.getParent()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Text> textFieldsIn(Control control) {
        List<Text> found = new ArrayList<>();
        if (control instanceof Text text && text.getData(DND.DROP_TARGET_KEY) == null) {
            found.add(text);
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(textFieldsIn(child));
            }
        }
        return found;
    }

    private static DropTarget fileDropTarget(Control control, InspectorService inspector) {
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
