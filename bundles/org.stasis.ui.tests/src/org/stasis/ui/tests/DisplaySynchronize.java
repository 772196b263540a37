package org.stasis.ui.tests;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;

/** The workbench's UISynchronize for a test's display: the real one comes with a rendered workbench. */
final class DisplaySynchronize extends UISynchronize {

    private final Display display;

    DisplaySynchronize(Display display) {
        this.display = display;
    }

    @Override
    public void syncExec(Runnable r) {
        display.syncExec(r);
    }

    @Override
    public void asyncExec(Runnable r) {
        display.asyncExec(r);
    }

    @Override
    protected boolean isUIThread(Thread thread) {
        return display.getThread() == thread;
    }

    @Override
    protected void showBusyWhile(Runnable r) {
        r.run();
    }

    @Override
    protected boolean dispatchEvents() {
        return display.readAndDispatch();
    }
}
