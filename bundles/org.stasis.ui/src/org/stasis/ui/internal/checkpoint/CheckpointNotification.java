package org.stasis.ui.internal.checkpoint;

import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.engine.DumpResult;
import org.stasis.core.processes.ProcessFormat;
import org.stasis.ui.InspectorService;
import org.stasis.ui.WidgetIds;

/**
 * The notification at the end of a checkpoint: what was written, how long the tree was frozen, and
 * a button that opens the image in the inspector.
 */
final class CheckpointNotification {

    /** Long enough to read it and reach for the button; it also has a close button. */
    private static final long SHOWN_MILLIS = 30_000;

    private CheckpointNotification() {
    }

    static void show(Shell shell, CheckpointSubject subject, CheckpointOutcome.Written written,
            Optional<InspectorService> inspector) {
        DumpResult result = written.result();
        String text = NLS.bind(Messages.Notify_Text, new Object[] { subject.root().name(), result.pid(),
                result.processes(), written.fileBytes() < 0 ? "?" : ProcessFormat.bytes(written.fileBytes()), //$NON-NLS-1$
                result.image(), String.format("%.1f", result.frozenMillis()), //$NON-NLS-1$
                result.killed() ? Messages.Notify_Stopped : Messages.Notify_Running });
        NotificationPopup.forShell(shell).title(Messages.Notify_Title, true).content(parent -> {
            Composite body = new Composite(parent, SWT.NONE);
            GridLayoutFactory.fillDefaults().applyTo(body);
            Label label = new Label(body, SWT.WRAP);
            label.setText(text);
            label.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_NOTIFICATION_TEXT);
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(label);
            if (inspector.isPresent()) {
                Button open = new Button(body, SWT.PUSH);
                open.setText(Messages.Notify_Open);
                open.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_OPEN_IMAGE);
                open.addListener(SWT.Selection, e -> {
                    inspector.get().open(result.image());
                    open.getShell().close();
                });
            }
            return body;
        }).delay(SHOWN_MILLIS).open();
    }
}
