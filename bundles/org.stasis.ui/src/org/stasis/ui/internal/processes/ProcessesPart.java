package org.stasis.ui.internal.processes;

import java.io.IOException;
import java.util.Objects;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeColumn;
import org.osgi.service.event.EventHandler;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.ui.ProcessSelection;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.checkpoint.CheckpointAction;
import org.stasis.ui.internal.checkpoint.CheckpointProgressArea;
import org.stasis.ui.internal.checkpoint.CheckpointSource;
import org.stasis.ui.internal.checkpoint.CheckpointSubject;
import org.stasis.ui.internal.schedules.PeriodicCheckpointMenu;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Processes view: the live process tree of this machine, refreshed by the core
 * {@link ProcessMonitor} (which reads /proc on its own thread; this part only applies snapshots on the
 * UI thread). The selected process can be checkpointed from its tool bar, its context menu and
 * Ctrl+K (the application binds the same key to its Checkpoint command; the part listens itself so
 * that it works wherever it is hosted).
 */
public final class ProcessesPart implements CheckpointSource {

    private final ProcessMonitor monitor;
    private final CheckpointAction checkpoint;
    /** Absent where no workbench runs (a bare test context): then only {@link #select(long)} selects. */
    @Inject
    @Optional
    private IEventBroker broker;
    private final ProcessesModel model = new ProcessesModel();
    private final ProcessComparator comparator = new ProcessComparator(model);
    /** "Checkpoint periodically…": the scheduler's item in the context menu, injected apart from the view's own needs. */
    @Inject
    private PeriodicCheckpointMenu periodicCheckpoint;
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
    private ToolItem checkpointItem;
    private Action checkpointMenuAction;
    private CheckpointProgressArea checkpointProgress;
    /** A pid asked for by {@link #select(long)} before the tree held it; 0 for none. */
    private long pendingSelection;

    @Inject
    public ProcessesPart(ProcessMonitor monitor, CheckpointAction checkpoint) {
        this.monitor = Objects.requireNonNull(monitor, "monitor"); //$NON-NLS-1$
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint"); //$NON-NLS-1$
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 0).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        Text filter = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Filter_Message);
        filter.setToolTipText(Messages.Filter_Tooltip);
        filter.setData(WidgetIds.KEY, WidgetIds.PROCESS_FILTER);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(filter);
        createToolBar(top);

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

        checkpointProgress = new CheckpointProgressArea(parent);

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

        createContextMenu();
        viewer.getTree().addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'k' || e.keyCode == 'K') && canCheckpointSelection()) {
                e.doit = false;
                checkpointSelection();
            }
        });
        viewer.addSelectionChangedListener(e -> updateActions());
        updateActions();

        viewer.setInput(model);
        periodicCheckpoint.addTo(viewer, model::tree);
        monitor.addListener(listener);
        checkpoint.prepare(); // the privilege check runs while the user looks for a process
        if (broker != null) {
            broker.subscribe(ProcessSelection.TOPIC, selectRequested);
        }
    }

    private void createToolBar(Composite top) {
        ToolBar toolBar = new ToolBar(top, SWT.FLAT | SWT.RIGHT);
        toolBar.setData(WidgetIds.KEY, WidgetIds.PROCESS_TOOLBAR);
        checkpointItem = new ToolItem(toolBar, SWT.PUSH);
        checkpointItem.setText(Messages.Action_Checkpoint);
        checkpointItem.setToolTipText(Messages.Action_CheckpointTooltip);
        checkpointItem.setData(WidgetIds.KEY, WidgetIds.PROCESS_CHECKPOINT);
        checkpointItem.addListener(SWT.Selection, e -> checkpointSelection());
    }

    private void createContextMenu() {
        checkpointMenuAction = new Action(Messages.Action_CheckpointMenu) {
            @Override
            public void run() {
                checkpointSelection();
            }
        };
        checkpointMenuAction.setToolTipText(Messages.Action_CheckpointTooltip);
        MenuManager menu = new MenuManager();
        menu.add(checkpointMenuAction);
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
    }

    private void updateActions() {
        boolean one = canCheckpointSelection();
        checkpointItem.setEnabled(one);
        checkpointMenuAction.setEnabled(one);
    }

    @Override
    public boolean canCheckpointSelection() {
        return viewer != null && viewer.getStructuredSelection().size() == 1;
    }

    /** Checkpoints the selected process with its descendants, as the view last saw them. */
    @Override
    public void checkpointSelection() {
        if (canCheckpointSelection() && viewer.getStructuredSelection().getFirstElement() instanceof ProcessKey key) {
            CheckpointSubject.of(model.tree(), key)
                    .ifPresent(subject -> checkpoint.run(viewer.getControl().getShell(), subject, checkpointProgress));
        }
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
        if (pendingSelection != 0) {
            select(pendingSelection);
        }
    }

    /**
     * Shows and selects a process: at once when the tree holds it, else with the first refresh that
     * does (a process restored a moment ago appears with the monitor's next snapshot).
     */
    public void select(long pid) {
        java.util.Optional<ProcessKey> key = model.isLoaded()
                ? model.tree().snapshot().byPid(pid).map(p -> p.key())
                : java.util.Optional.empty();
        if (key.isEmpty()) {
            pendingSelection = pid;
            return;
        }
        pendingSelection = 0;
        viewer.setSelection(new StructuredSelection(key.get()), true);
        viewer.getControl().setFocus();
    }

    /** {@link ProcessSelection#TOPIC}: another part asks to show a process (any thread). */
    private final EventHandler selectRequested = event -> {
        if (event.getProperty(IEventBroker.DATA) instanceof Number pid) {
            onUiThread(() -> select(pid.longValue()));
        }
    };

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
        if (broker != null) {
            broker.unsubscribe(selectRequested);
        }
    }

    /** For tests: the viewer under the Processes tree. */
    TreeViewer viewer() {
        return viewer;
    }
}
