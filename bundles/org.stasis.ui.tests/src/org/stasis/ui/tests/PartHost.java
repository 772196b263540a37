package org.stasis.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/**
 * Hosts workbench parts for a test as E4Application hosts those of Application.e4xmi: each part is
 * made through e4 DI in a context of its own, with its own model element, on a composite in a real
 * shell. Closing disposes the contexts first (@PreDestroy: the parts stop listening while their
 * widgets still exist), then every shell of the display, dialogs included.
 */
public final class PartHost implements AutoCloseable {

    public final Display display;
    public final UiDriver ui;
    /** The parent of every part's context: what the test puts here, all its parts get. */
    public final IEclipseContext context;
    private final List<IEclipseContext> partContexts = new ArrayList<>();
    private RecordingPartService parts;

    private PartHost(IEclipseContext context) {
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        ui = new UiDriver(display);
        this.context = context;
    }

    /** A host with nothing in its context but what the test sets. */
    public static PartHost plain(String name) {
        return new PartHost(EclipseContextFactory.create(name));
    }

    /**
     * A host on the OSGi service context (the event broker is there, as in the workbench), with a
     * UISynchronize on the display and a part service that records what it is asked to show: what a
     * part needs to reveal another, as the restore wizard reveals the Processes view.
     */
    public static PartHost withWorkbenchServices(String name) {
        PartHost host = new PartHost(EclipseContextFactory
                .getServiceContext(FrameworkUtil.getBundle(PartHost.class).getBundleContext()).createChild(name));
        host.context.set(UISynchronize.class, new DisplaySynchronize(host.display));
        host.parts = new RecordingPartService();
        host.context.set(EPartService.class, host.parts.proxy());
        return host;
    }

    /** @return the ids of the parts the workbench services were asked to show, in order */
    public List<String> shownParts() {
        if (parts == null) {
            throw new IllegalStateException("a plain host has no part service: use withWorkbenchServices");
        }
        return parts.shown();
    }

    /** @return a new shell of the given size, not yet open */
    public Shell shell(String title, int width, int height) {
        Shell shell = new Shell(display);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, width, height);
        return shell;
    }

    /** Makes a part of type on a new composite in shell, with a model element of its own. */
    public <T> T make(Class<T> type, Shell shell) {
        return make(type, shell, MBasicFactory.INSTANCE.createPart());
    }

    /** Makes a part of type on a new composite in shell, with model as its MPart. */
    public <T> T make(Class<T> type, Shell shell, MPart model) {
        IEclipseContext partContext = context.createChild(type.getSimpleName());
        partContext.set(Composite.class, new Composite(shell, SWT.NONE));
        partContext.set(MPart.class, model);
        partContexts.add(partContext);
        return ContextInjectionFactory.make(type, partContext);
    }

    /** @return a model element whose persisted state holds state, as a part descriptor's would */
    public static MPart model(Map<String, String> state) {
        MPart model = MBasicFactory.INSTANCE.createPart();
        model.getPersistedState().putAll(state);
        return model;
    }

    /** Opens shell in front and lets it lay out. */
    public void show(Shell shell) {
        shell.open();
        shell.forceActive();
        ui.settle();
    }

    @Override
    public void close() {
        for (IEclipseContext c : partContexts) {
            c.dispose();
        }
        context.dispose();
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }
}
