package org.stasis.ui.internal.inspector;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.osgi.util.NLS;
import org.stasis.ui.WidgetIds;

/**
 * The one table every inspector tab (and the schedule history) uses: a filter box, a table sortable by a click on any header
 * (a second click reverses), and Copy (Ctrl+C and the context menu) of the selected rows as
 * tab-separated text. Rows are model objects; columns say how to show and order them. Shared with
 * the other views that list rows (the Checkpoints view).
 *
 * @param <T> the row type
 */
public final class RowTable<T> {

    private final List<Column<T>> columns;
    private final TableViewer viewer;
    private final Text filter;
    private final Label count;
    private Column<T> sortColumn;
    private boolean ascending = true;
    private String query = ""; //$NON-NLS-1$
    private int total;

    /**
     * @param id the widget id suffix: the table gets {@code inspector.table.ID}, the filter box
     *           {@code inspector.filter.ID}
     */
    public RowTable(Composite parent, String id, List<Column<T>> columns) {
        this(parent, WidgetIds.INSPECTOR_TABLE_PREFIX + id, WidgetIds.INSPECTOR_FILTER_PREFIX + id, columns);
    }

    /**
     * @param tableId the widget id of the table
     * @param filterId the widget id of the filter box above it
     */
    public RowTable(Composite parent, String tableId, String filterId, List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 2).applyTo(area);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(area);

        filter = new Text(area, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Filter_Message);
        filter.setData(WidgetIds.KEY, filterId);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        count = new Label(area, SWT.RIGHT);
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(count);

        viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setData(WidgetIds.KEY, tableId);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (Column<T> column : this.columns) {
            addColumn(column);
        }
        viewer.setComparator(new ViewerComparator() {
            @Override
            @SuppressWarnings("unchecked")
            public int compare(Viewer v, Object a, Object b) {
                if (sortColumn == null) {
                    return 0; // the model's own order until the user asks for another
                }
                int c = sortColumn.order().compare((T) a, (T) b);
                return ascending ? c : -c;
            }
        });
        viewer.setFilters(new ViewerFilter() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean select(Viewer v, Object parentElement, Object element) {
                return matches((T) element);
            }
        });
        filter.addModifyListener(e -> {
            query = filter.getText().strip().toLowerCase(Locale.ROOT);
            viewer.refresh();
            updateCount();
        });

        Action copy = new Action(Messages.Action_Copy) {
            @Override
            public void run() {
                copySelection();
            }
        };
        MenuManager menu = new MenuManager();
        menu.add(copy);
        table.setMenu(menu.createContextMenu(table));
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copySelection();
                e.doit = false;
            }
        });
    }

    private void addColumn(Column<T> column) {
        TableViewerColumn viewerColumn = new TableViewerColumn(viewer, column.right() ? SWT.RIGHT : SWT.LEFT);
        TableColumn tableColumn = viewerColumn.getColumn();
        tableColumn.setText(column.header());
        tableColumn.setWidth(column.width());
        tableColumn.setMoveable(true);
        viewerColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object element) {
                return column.text().apply((T) element);
            }
        });
        Listener sort = e -> sortBy(column, tableColumn);
        tableColumn.addListener(SWT.Selection, sort);
        // GTK reports a quick second click on a header (and any second synthesized click) as
        // DefaultSelection: it is still a click and must reverse the order
        tableColumn.addListener(SWT.DefaultSelection, sort);
    }

    private void sortBy(Column<T> column, TableColumn tableColumn) {
        ascending = column != sortColumn || !ascending;
        sortColumn = column;
        viewer.getTable().setSortColumn(tableColumn);
        viewer.getTable().setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    private boolean matches(T row) {
        if (query.isEmpty()) {
            return true;
        }
        for (Column<T> column : columns) {
            if (column.text().apply(row).toLowerCase(Locale.ROOT).contains(query)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the rows. */
    public void setRows(Collection<? extends T> rows) {
        total = rows.size();
        viewer.setInput(rows.toArray());
        updateCount();
    }

    private void updateCount() {
        int shown = viewer.getTable().getItemCount();
        count.setText(shown == total ? NLS.bind(Messages.Rows_All, total) : NLS.bind(Messages.Rows_Filtered, shown, total));
    }

    /** The selected rows as the user sees them: visible columns in display order, tab-separated. */
    public String selectionText() {
        Table table = viewer.getTable();
        int[] order = table.getColumnOrder();
        return List.of(table.getSelection()).stream().map(item -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < order.length; i++) {
                line.append(i == 0 ? "" : "\t").append(item.getText(order[i])); //$NON-NLS-1$ //$NON-NLS-2$
            }
            return line.toString();
        }).collect(Collectors.joining(System.lineSeparator()));
    }

    private void copySelection() {
        String text = selectionText();
        if (text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(viewer.getTable().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    public TableViewer viewer() {
        return viewer;
    }
}
