package org.stasis.ui.internal.schedules;

import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.stasis.core.schedule.Scheduler;
import org.stasis.ui.WidgetIds;

/**
 * A line at the top of a scheduler view that says who fires the schedules when it is not this
 * workbench ("Schedules are run by the Stasis scheduler service (pid N)"), and takes no room otherwise.
 * Lives in a GridLayout.
 */
final class OwnerBanner {

    private final Label label;

    OwnerBanner(Composite parent, String id) {
        label = new Label(parent, SWT.WRAP);
        label.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
    }

    void show(Optional<Scheduler> scheduler) {
        Optional<String> text = scheduler.flatMap(s -> ScheduleTexts.owner(s.owner()));
        label.setText(text.orElse("")); //$NON-NLS-1$
        label.setVisible(text.isPresent());
        ((GridData) label.getLayoutData()).exclude = text.isEmpty();
        label.getParent().layout(true);
    }
}
