package org.stasis.ui.internal.checkpoint;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.stasis.ui.WidgetIds;

/**
 * Where running checkpoints show their progress, one row each with a Cancel button: a pure e4
 * workbench has no progress view, and the user is looking at the view the checkpoint started from.
 * Hidden while no checkpoint runs.
 */
public final class CheckpointProgressArea {

    private static final int BAR_MAX = 1000;

    private final Composite area;
    private final Display display;

    /** Creates the area as a full-width row of parent, which must have a GridLayout. */
    public CheckpointProgressArea(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        area.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_PROGRESS_AREA);
        GridLayoutFactory.fillDefaults().spacing(8, 6).applyTo(area);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(area);
        area.setVisible(false);
        display = parent.getDisplay();
    }

    /** Shows job's progress until it ends. Call before scheduling it, on the UI thread. */
    public void track(CheckpointJob job) {
        // two lines per checkpoint: the sentence needs the view's width, which is often narrow
        Composite row = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        Label text = new Label(row, SWT.NONE);
        text.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_PROGRESS_TEXT);
        text.setText(NLS.bind(Messages.Progress_Row, job.getName(), Messages.Progress_Starting));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
        ProgressBar bar = new ProgressBar(row, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_PROGRESS_BAR);
        bar.setMaximum(BAR_MAX);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(bar);
        Button cancel = new Button(row, SWT.PUSH);
        cancel.setText(Messages.Progress_Cancel);
        cancel.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_CANCEL);
        cancel.addListener(SWT.Selection, e -> {
            cancel.setEnabled(false);
            text.setText(NLS.bind(Messages.Progress_Row, job.getName(), Messages.Progress_Canceling));
            job.cancel();
        });
        relayout();

        job.setProgressListener(step -> onUiThread(() -> {
            if (!bar.isDisposed()) {
                bar.setSelection((int) Math.round(step.fraction() * BAR_MAX));
                if (cancel.isEnabled()) {
                    text.setText(NLS.bind(Messages.Progress_Row, job.getName(), step.text()));
                }
            }
        }));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                onUiThread(() -> {
                    row.dispose();
                    relayout();
                });
            }
        });
    }

    private void relayout() {
        if (area.isDisposed()) {
            return;
        }
        boolean busy = area.getChildren().length > 0;
        area.setVisible(busy);
        ((GridData) area.getLayoutData()).exclude = !busy;
        area.getParent().layout(true, true);
    }

    private void onUiThread(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!area.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
