package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.stasis.core.schedule.ScheduleListener;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;

/**
 * A scheduler listener for a view: whatever the scheduler tells (on its own threads), the view's
 * refresh runs on the display thread, unless the view's control is gone by then. A file that could
 * not be read back is handed over as well, for the view to show.
 */
final class RefreshOnDisplay implements ScheduleListener {

    private final Control control;
    private final Display display;
    private final Runnable refresh;
    private final Consumer<String> fileProblem;

    RefreshOnDisplay(Control control, Runnable refresh, Consumer<String> fileProblem) {
        this.control = Objects.requireNonNull(control, "control"); //$NON-NLS-1$
        this.display = control.getDisplay(); // taken here, on the display thread, where SWT allows it
        this.refresh = Objects.requireNonNull(refresh, "refresh"); //$NON-NLS-1$
        this.fileProblem = Objects.requireNonNull(fileProblem, "fileProblem"); //$NON-NLS-1$
    }

    @Override
    public void schedulesChanged() {
        onDisplay(refresh);
    }

    @Override
    public void runStarted(CheckpointSchedule schedule) {
        onDisplay(refresh);
    }

    @Override
    public void runFinished(CheckpointSchedule schedule, ScheduleRun run) {
        onDisplay(refresh);
    }

    @Override
    public void ownerChanged(SchedulerOwner owner) {
        onDisplay(refresh);
    }

    @Override
    public void schedulesFileFailed(IOException problem) {
        String message = String.valueOf(problem.getMessage());
        onDisplay(() -> fileProblem.accept(message));
    }

    private void onDisplay(Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!control.isDisposed()) {
                r.run();
            }
        });
    }
}
