package org.stasis.ui.internal.schedules;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Loads what a view shows in a Job (listing image folders touches the disk) and shows it on the
 * display thread. Requests while a load runs make it run once more afterwards, never in parallel, so
 * a burst of scheduler events costs one or two loads and the newest state always wins.
 *
 * @param <T> what is loaded
 */
final class BackgroundRefresh<T> {

    private final Control control;
    private final Display display;
    private final Job job;

    BackgroundRefresh(String name, Control control, Supplier<T> load, Consumer<T> show) {
        this.control = Objects.requireNonNull(control, "control"); //$NON-NLS-1$
        this.display = control.getDisplay();
        Objects.requireNonNull(load, "load"); //$NON-NLS-1$
        Objects.requireNonNull(show, "show"); //$NON-NLS-1$
        job = Job.create(name, (IProgressMonitor monitor) -> {
            T loaded = load.get();
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!this.control.isDisposed()) {
                        show.accept(loaded);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
    }

    /** Loads and shows again; callable from any thread. */
    void request() {
        job.schedule(); // a running job is scheduled to run once more when it is done
    }

    void cancel() {
        job.cancel();
    }
}
