package org.stasis.ui.internal.widgets;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.stasis.ui.WidgetIds;

/** The pieces the workbench's forms (the schedule dialog, the restore wizard's options) are built of, made alike. */
public final class FormWidgets {

    private FormWidgets() {
    }

    /** @return a titled group of columns that takes the parent's width, in a GridLayout parent */
    public static Group group(Composite parent, String title, int columns) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    /** @return a radio button tagged with a widget id, for the UI tests to find */
    public static Button radio(Composite parent, String text, String id) {
        Button b = new Button(parent, SWT.RADIO);
        b.setText(text);
        b.setData(WidgetIds.KEY, id);
        return b;
    }
}
