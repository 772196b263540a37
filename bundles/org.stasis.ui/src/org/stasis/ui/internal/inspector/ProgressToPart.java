package org.stasis.ui.internal.inspector;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.swt.widgets.Display;

/**
 * Forwards a Job's progress to a widget of the part that started it: a pure e4 workbench has no
 * progress view, and the user is looking at the part anyway. Cancellation stays the Job's.
 */
final class ProgressToPart extends ProgressMonitorWrapper {

    private final Display display;
    private final Consumer<String> text;
    private String task = ""; //$NON-NLS-1$

    ProgressToPart(IProgressMonitor monitor, Display display, Consumer<String> text) {
        super(monitor);
        this.display = display;
        this.text = text;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        super.beginTask(name, totalWork);
        task = name == null ? "" : name; //$NON-NLS-1$
        post(task);
    }

    @Override
    public void subTask(String name) {
        super.subTask(name);
        post(task.isEmpty() ? name : task + " \u2014 " + name); //$NON-NLS-1$
    }

    private void post(String message) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> text.accept(message));
        }
    }
}
