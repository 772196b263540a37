package org.stasis.ui.internal.schedules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.stasis.core.schedule.Scheduler;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ScheduleRun;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.inspector.Column;
import org.stasis.ui.internal.inspector.Formats;
import org.stasis.ui.internal.inspector.RowTable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The run history of one schedule (its id is in the part's persisted state): a chart of image size
 * and freeze time over time, and every run in a table that sorts, filters and copies. Follows the
 * scheduler, so a run appears as soon as it is recorded.
 */
public final class HistoryPart {

    /** The part descriptor of Application.e4xmi that history parts are made from. */
    public static final String DESCRIPTOR_ID = "org.stasis.ui.partdescriptor.scheduleHistory"; //$NON-NLS-1$
    /** Key of the schedule's id in the part's persisted state. */
    public static final String SCHEDULE_KEY = "org.stasis.ui.schedules.scheduleId"; //$NON-NLS-1$
    /** The name of the runs table: its widget id is {@code inspector.table.scheduleRuns}. */
    public static final String TABLE_NAME = "scheduleRuns"; //$NON-NLS-1$

    private final MPart part;
    private final String scheduleId;
    private final Optional<Scheduler> scheduler;
    private final Optional<String> problem;

    private Label summary;
    private OwnerBanner owner;
    private HistoryChart chart;
    private RowTable<ScheduleRun> table;
    private RefreshOnDisplay listener;
    private BackgroundRefresh<Optional<CheckpointSchedule>> refresh;

    @Inject
    public HistoryPart(MPart part, @org.eclipse.e4.core.di.annotations.Optional WorkbenchScheduler workbench) {
        this.part = part;
        this.scheduleId = part.getPersistedState().getOrDefault(SCHEDULE_KEY, ""); //$NON-NLS-1$
        this.scheduler = workbench == null ? Optional.empty() : workbench.scheduler();
        this.problem = workbench == null ? Optional.of(Messages.Status_NoScheduler) : workbench.problem();
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        summary.setData(WidgetIds.KEY, WidgetIds.HISTORY_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        owner = new OwnerBanner(parent, WidgetIds.HISTORY_OWNER);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        chart = new HistoryChart(sash);
        Composite tableArea = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(tableArea);
        table = new RowTable<>(tableArea, TABLE_NAME, columns());
        sash.setWeights(45, 55);

        problem.ifPresent(summary::setText);
        scheduler.ifPresent(s -> {
            refresh = new BackgroundRefresh<>(Messages.Refresh_Job, summary, () -> s.find(scheduleId), this::show);
            listener = new RefreshOnDisplay(summary, refresh::request,
                    message -> summary.setText(NLS.bind(Messages.Status_FileFailed, message)));
            s.addListener(listener);
            refresh.request();
        });
    }

    private static List<Column<ScheduleRun>> columns() {
        return List.of(
                Column.number(Messages.History_Start, 150, r -> ScheduleTexts.time(r.getStarted()), ScheduleRun::getStartedUnixMs),
                Column.text(Messages.History_Result, 70, r -> ScheduleTexts.result(r.getResult())),
                Column.number(Messages.History_Duration, 80, r -> NLS.bind(Messages.History_Ms, Long.toString(r.getDurationMs())),
                        ScheduleRun::getDurationMs),
                Column.number(Messages.History_Freeze, 80, r -> r.getFreezeMs() > 0 ? Formats.millis(Math.round(r.getFreezeMs() * 1e6)) : "", //$NON-NLS-1$
                        r -> Math.round(r.getFreezeMs() * 1000)),
                Column.number(Messages.History_Size, 90, r -> r.getImageBytes() > 0 ? Formats.bytes(r.getImageBytes()) : "", //$NON-NLS-1$
                        ScheduleRun::getImageBytes),
                Column.text(Messages.History_Kind, 70, r -> r.isManual() ? Messages.History_Manual : Messages.History_Planned),
                Column.text(Messages.History_Message, 360, r -> r.getMessage().isEmpty() ? r.getImage() : r.getMessage()));
    }

    private void show(Optional<CheckpointSchedule> found) {
        if (found.isEmpty()) {
            summary.setText(Messages.History_Removed);
            return;
        }
        CheckpointSchedule schedule = found.get();
        part.setLabel(NLS.bind(Messages.History_PartLabel, schedule.getName()));
        summary.setText(NLS.bind(Messages.History_Summary, new Object[] { schedule.getName(), ScheduleTexts.target(schedule),
                ScheduleTexts.when(schedule), Integer.toString(schedule.getRuns().size()) }));
        owner.show(scheduler);
        List<ScheduleRun> newestFirst = schedule.getRuns().stream()
                .sorted(Comparator.comparingLong(ScheduleRun::getStartedUnixMs).reversed()).toList();
        table.setRows(newestFirst);
        chart.setRuns(newestFirst);
        summary.getParent().layout(true);
    }

    @Focus
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (listener != null) {
            scheduler.ifPresent(s -> s.removeListener(listener));
        }
        if (refresh != null) {
            refresh.cancel();
        }
    }

    /** For tests: the chart as drawn. */
    HistoryChart chart() {
        return chart;
    }

    /** For tests: the runs table. */
    RowTable<ScheduleRun> table() {
        return table;
    }
}
