package org.stasis.ui;

/**
 * Stable names of workbench widgets, set with {@code widget.setData(KEY, id)}.
 * <p>
 * UI tests (and accessibility or scripting tools) find widgets by these ids instead of by position
 * or by a translated label.
 */
public final class WidgetIds {

    /** The data key under which every id below is stored. */
    public static final String KEY = "org.stasis.widgetId"; //$NON-NLS-1$

    public static final String PROCESS_FILTER = "processes.filter"; //$NON-NLS-1$
    public static final String PROCESS_TREE = "processes.tree"; //$NON-NLS-1$
    public static final String PROCESS_STATUS = "processes.status"; //$NON-NLS-1$

    private WidgetIds() {
    }
}
