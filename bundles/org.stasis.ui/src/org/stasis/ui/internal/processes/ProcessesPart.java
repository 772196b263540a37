package org.stasis.ui.internal.processes;

import java.io.IOException;
import java.util.Objects;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeColumn;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.ui.WidgetIds;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Processes view: the live process tree of this machine, refreshed by the core
 * {@link ProcessMonitor} (which reads /proc on its own thread; this part only applies snapshots on the
 * UI thread).
 */
public final class ProcessesPart {

    private final ProcessMonitor monitor;
    private final ProcessesModel model = new ProcessesModel();
    private final ProcessComparator comparator = new ProcessComparator(model);
    /** "Checkpoint periodically…": the scheduler's item in the context menu, injected apart from the view's own needs. */
    @Inject
    private org.stasis.ui.internal.schedules.PeriodicCheckpointMenu periodicCheckpoint;
    private final ProcessMonitor.Listener listener = new ProcessMonitor.Listener() {
        @Override
        public void updated(ProcessSnapshot snapshot) {
            onUiThread(() -> apply(snapshot));
        }

        @Override
        public void failed(IOException error) {
            onUiThread(() -> status.setText(NLS.bind(Messages.Status_Failed, error.getMessage())));
        }
    };

    private Display display;
    private TreeViewer viewer;
    private Label status;

    @Inject
    public ProcessesPart(ProcessMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor"); //$NON-NLS-1$
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        Text filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Filter_Message);
        filter.setToolTipText(Messages.Filter_Tooltip);
        filter.setData(WidgetIds.KEY, WidgetIds.PROCESS_FILTER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        // TreeColumnLayout gives the Command column whatever width the window has beyond the others
        Composite treeArea = new Composite(parent, SWT.NONE);
        TreeColumnLayout columnLayout = new TreeColumnLayout();
        treeArea.setLayout(columnLayout);
        viewer = new TreeViewer(treeArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setData(WidgetIds.KEY, WidgetIds.PROCESS_TREE);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        // elements are ProcessKey values: hash lookup finds the existing item for an equal key in O(1)
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ProcessContentProvider());
        for (ProcessColumn column : ProcessColumn.values()) {
            TreeColumn treeColumn = createColumn(column);
            columnLayout.setColumnData(treeColumn, column == ProcessColumn.COMMAND
                    ? new ColumnWeightData(1, column.width, true) : new ColumnPixelData(column.width, true));
        }
        viewer.setComparator(comparator);
        viewer.setFilters(new ProcessFilter(model));
        showSortColumn();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(treeArea);

        status = new Label(parent, SWT.NONE);
        status.setData(WidgetIds.KEY, WidgetIds.PROCESS_STATUS);
        status.setText(Messages.Status_Loading);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        filter.addModifyListener(e -> {
            model.setQuery(filter.getText());
            viewer.refresh();
            if (model.isFiltered()) {
                viewer.expandAll(); // a match deep in the tree is what the user is looking for
            }
            updateStatus();
        });

        viewer.setInput(model);
        periodicCheckpoint.addTo(viewer, model::tree);
        monitor.addListener(listener);
    }

    private TreeColumn createColumn(ProcessColumn column) {
        TreeViewerColumn viewerColumn = new TreeViewerColumn(viewer, column.alignment);
        TreeColumn treeColumn = viewerColumn.getColumn();
        treeColumn.setText(column.header);
        treeColumn.setData(column);
        viewerColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return model.info(element).map(p -> column.text(p, model)).orElse(""); //$NON-NLS-1$
            }
        });
        Listener sort = e -> {
            comparator.sortBy(column);
            showSortColumn();
            viewer.refresh();
        };
        treeColumn.addListener(SWT.Selection, sort);
        // SWT/GTK reports a second click on a header within the double-click time (or, with
        // input synthesized by XTest, any second click, since those events carry no timestamp)
        // as DefaultSelection: it is still a click, and must flip the order again.
        treeColumn.addListener(SWT.DefaultSelection, sort);
        return treeColumn;
    }

    private void showSortColumn() {
        for (TreeColumn c : viewer.getTree().getColumns()) {
            if (c.getData() == comparator.column()) {
                viewer.getTree().setSortColumn(c);
            }
        }
        viewer.getTree().setSortDirection(comparator.swtDirection());
    }

    private void apply(ProcessSnapshot snapshot) {
        boolean first = !model.isLoaded();
        model.update(snapshot);
        // refresh, not setInput: same keys, same items, so selection/expansion/scrolling survive
        viewer.refresh();
        if (first || model.isFiltered()) {
            viewer.expandAll();
        }
        updateStatus();
    }

    private void updateStatus() {
        if (!model.isLoaded()) {
            return;
        }
        int total = model.tree().size();
        status.setText(model.isFiltered() ? NLS.bind(Messages.Status_Filtered, model.visibleCount(), total)
                : NLS.bind(Messages.Status_All, total));
    }

    /** Runs on the UI thread unless the view was closed meanwhile. */
    private void onUiThread(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    r.run();
                }
            });
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        monitor.removeListener(listener);
    }

    /** For tests: the viewer under the Processes tree. */
    TreeViewer viewer() {
        return viewer;
    }
}
