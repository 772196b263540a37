package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.preferences.StasisPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Schedules view: every periodic checkpoint with its target, timing, next run, last result and
 * images kept, and the buttons to create, edit, enable or disable, remove, run now and see the
 * history of one. Follows the scheduler's notifications; says so when the headless service fires
 * the schedules (editing works all the same: both read the one file).
 */
public final class SchedulesPart {

    /** Narrow enough that the view fits beside the Processes view; the user widens columns at will. */
    private static final int MIN_COLUMN_WIDTH = 60;

    private final Optional<Scheduler> scheduler;
    private final Optional<String> problem;
    private final Optional<HistoryOpener> history;

    private TableViewer viewer;
    private OwnerBanner owner;
    private Label status;
    private Button edit;
    private Button toggle;
    private Button remove;
    private Button runNow;
    private Button showHistory;
    private Button create;
    private RefreshOnDisplay listener;
    private BackgroundRefresh<List<ScheduleRow>> rows;
    /** What the status line says about the last Run now: kept over refreshes until another row is selected. */
    private Optional<RunStatus> runStatus = Optional.empty();

    @Inject
    public SchedulesPart(@org.eclipse.e4.core.di.annotations.Optional WorkbenchScheduler workbench,
            @org.eclipse.e4.core.di.annotations.Optional HistoryOpener history) {
        this.scheduler = workbench == null ? Optional.empty() : workbench.scheduler();
        this.problem = workbench == null ? Optional.of(Messages.Status_NoScheduler) : workbench.problem();
        this.history = Optional.ofNullable(history);
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        owner = new OwnerBanner(parent, WidgetIds.SCHEDULES_OWNER);

        // TableColumnLayout shares the view's width among the columns by their weights
        Composite tableArea = new Composite(parent, SWT.NONE);
        TableColumnLayout columnLayout = new TableColumnLayout();
        tableArea.setLayout(columnLayout);
        viewer = new TableViewer(tableArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setData(WidgetIds.KEY, WidgetIds.SCHEDULES_TABLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (ScheduleColumn column : ScheduleColumn.values()) {
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
            c.getColumn().setText(column.header);
            columnLayout.setColumnData(c.getColumn(), new ColumnWeightData(column.width, MIN_COLUMN_WIDTH, true));
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text.apply((ScheduleRow) element);
                }
            });
        }
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableArea);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).equalWidth(false).applyTo(buttons);
        create = button(buttons, Messages.Button_New, WidgetIds.SCHEDULES_NEW, this::createSchedule);
        edit = button(buttons, Messages.Button_Edit, WidgetIds.SCHEDULES_EDIT, this::editSelected);
        toggle = button(buttons, Messages.Button_Disable, WidgetIds.SCHEDULES_TOGGLE, this::toggleSelected);
        remove = button(buttons, Messages.Button_Remove, WidgetIds.SCHEDULES_REMOVE, this::removeSelected);
        runNow = button(buttons, Messages.Button_RunNow, WidgetIds.SCHEDULES_RUN_NOW, this::runSelected);
        showHistory = button(buttons, Messages.Button_History, WidgetIds.SCHEDULES_HISTORY, this::showSelectedHistory);

        status = new Label(parent, SWT.WRAP);
        status.setData(WidgetIds.KEY, WidgetIds.SCHEDULES_STATUS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        viewer.addSelectionChangedListener(e -> {
            forgetRunStatusOfOtherRows();
            updateButtons();
        });
        viewer.addDoubleClickListener(e -> editSelected());
        updateButtons();
        problem.ifPresent(status::setText);
        scheduler.ifPresent(s -> {
            rows = new BackgroundRefresh<>(Messages.Refresh_Job, viewer.getControl(), () -> ScheduleRow.load(s), this::show);
            listener = new RefreshOnDisplay(viewer.getControl(), rows::request, this::showFileProblem);
            s.addListener(listener);
            rows.request();
        });
        owner.show(scheduler);
    }

    private static Button button(Composite parent, String text, String id, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(WidgetIds.KEY, id);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void show(List<ScheduleRow> loaded) {
        Optional<String> selected = selection().map(ScheduleRow::id);
        viewer.setInput(loaded);
        selected.flatMap(id -> loaded.stream().filter(r -> r.id().equals(id)).findFirst())
                .ifPresent(r -> viewer.setSelection(new StructuredSelection(r)));
        showStatus(loaded.size());
        owner.show(scheduler);
        updateButtons();
    }

    private void showStatus(int count) {
        status.setText(runStatus.map(RunStatus::text).orElseGet(
                () -> count == 1 ? Messages.Status_One : NLS.bind(Messages.Status_Count, Integer.toString(count))));
    }

    private void showRunStatus(String scheduleId, String text) {
        runStatus = Optional.of(new RunStatus(scheduleId, text));
        status.setText(text);
    }

    /** The run status belongs to its schedule's row: selecting another row brings the count back. */
    private void forgetRunStatusOfOtherRows() {
        Optional<String> selected = selection().map(ScheduleRow::id);
        if (selected.isPresent() && runStatus.isPresent() && !runStatus.get().scheduleId().equals(selected.get())) {
            runStatus = Optional.empty();
            showStatus(viewer.getTable().getItemCount());
        }
    }

    private void showFileProblem(String message) {
        status.setText(NLS.bind(Messages.Status_FileFailed, message));
    }

    private Optional<ScheduleRow> selection() {
        return viewer.getStructuredSelection().getFirstElement() instanceof ScheduleRow row ? Optional.of(row)
                : Optional.empty();
    }

    private void updateButtons() {
        Optional<ScheduleRow> row = selection();
        boolean usable = scheduler.isPresent();
        create.setEnabled(usable);
        edit.setEnabled(usable && row.isPresent());
        toggle.setEnabled(usable && row.isPresent());
        toggle.setText(row.map(r -> r.schedule().isEnabled()).orElse(true) ? Messages.Button_Disable : Messages.Button_Enable);
        remove.setEnabled(usable && row.isPresent());
        runNow.setEnabled(usable && row.isPresent() && !row.get().running());
        showHistory.setEnabled(row.isPresent() && history.isPresent());
        toggle.getParent().layout(true);
    }

    private void createSchedule() {
        scheduler.ifPresent(s -> new ScheduleDialog(viewer.getControl().getShell(), s,
                ScheduleDefaults.blank(new StasisPreferences().checkpointFolder()), "").open()); //$NON-NLS-1$
    }

    private void editSelected() {
        selection().ifPresent(row -> scheduler.ifPresent(
                s -> new ScheduleDialog(viewer.getControl().getShell(), s, row.schedule(), "").open())); //$NON-NLS-1$
    }

    private void toggleSelected() {
        selection().ifPresent(row -> scheduler.ifPresent(s -> {
            CheckpointSchedule changed = row.schedule();
            changed.setEnabled(!changed.isEnabled());
            try {
                s.save(changed);
            } catch (ScheduleValidationException | IOException e) {
                status.setText(NLS.bind(Messages.Status_SaveFailed, changed.getName(), e.getMessage()));
            }
        }));
    }

    private void removeSelected() {
        selection().ifPresent(row -> scheduler.ifPresent(s -> {
            CheckpointSchedule schedule = row.schedule();
            if (!MessageDialog.openConfirm(viewer.getControl().getShell(), Messages.Remove_Title,
                    NLS.bind(Messages.Remove_Question, schedule.getName(), schedule.getFolder()))) {
                return;
            }
            try {
                s.remove(schedule.getId());
            } catch (IOException e) {
                status.setText(NLS.bind(Messages.Status_SaveFailed, schedule.getName(), e.getMessage()));
            }
        }));
    }

    private void runSelected() {
        selection().ifPresent(row -> scheduler.ifPresent(s -> {
            String name = row.schedule().getName();
            Display display = viewer.getControl().getDisplay();
            SchedulerOwner owner = s.owner();
            // another process that fires the schedules is asked through the file; it answers at its next look
            showRunStatus(row.id(), owner.ours() || owner.pid() == 0 ? NLS.bind(Messages.Status_Running, name)
                    : NLS.bind(Messages.Status_Asked, Long.toString(owner.pid()), name));
            // the table follows the history by itself; the status line says how this run ended
            s.runNow(row.id()).whenComplete((run, error) -> {
                String outcome = error == null ? ScheduleTexts.outcome(name, run)
                        : NLS.bind(Messages.Status_RunRefused, name, cause(error).getMessage());
                if (display.isDisposed()) {
                    return; // the workbench closed meanwhile
                }
                display.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        showRunStatus(row.id(), outcome);
                    }
                });
            });
        }));
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void showSelectedHistory() {
        selection().ifPresent(row -> history.ifPresent(h -> h.open(row.schedule())));
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (listener != null) {
            scheduler.ifPresent(s -> s.removeListener(listener));
        }
        if (rows != null) {
            rows.cancel();
        }
    }

    private record RunStatus(String scheduleId, String text) {
    }

    /** For tests: the viewer under the schedules table. */
    TableViewer viewer() {
        return viewer;
    }
}
