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


    public static final String INSPECTOR_TABS = "inspector.tabs"; //$NON-NLS-1$
    public static final String INSPECTOR_PROGRESS = "inspector.progress"; //$NON-NLS-1$
    public static final String INSPECTOR_ERROR = "inspector.error"; //$NON-NLS-1$
    public static final String INSPECTOR_PROCESS = "inspector.process"; //$NON-NLS-1$
    public static final String INSPECTOR_PROCESS_TREE = "inspector.processTree"; //$NON-NLS-1$
    public static final String INSPECTOR_IMAGE_ID = "inspector.imageId"; //$NON-NLS-1$
    public static final String INSPECTOR_COMPARE = "inspector.compare"; //$NON-NLS-1$
    public static final String INSPECTOR_COMPARE_SUMMARY = "inspector.compareSummary"; //$NON-NLS-1$
    public static final String INSPECTOR_MEMORY_MAP = "inspector.memoryMap"; //$NON-NLS-1$
    public static final String INSPECTOR_HEX = "inspector.hex"; //$NON-NLS-1$
    public static final String INSPECTOR_HEX_WINDOW = "inspector.hexWindow"; //$NON-NLS-1$
    public static final String INSPECTOR_HEX_NEXT = "inspector.hexNext"; //$NON-NLS-1$
    public static final String INSPECTOR_IPC_LABEL = "inspector.ipcLabel"; //$NON-NLS-1$
    /** Followed by the table's name: "inspector.table.vmas", "inspector.table.fds", ... */
    public static final String INSPECTOR_TABLE_PREFIX = "inspector.table."; //$NON-NLS-1$
    /** Followed by the table's name: the filter box above that table. */
    public static final String INSPECTOR_FILTER_PREFIX = "inspector.filter."; //$NON-NLS-1$

    public static final String SCHEDULE_NAME = "schedule.name"; //$NON-NLS-1$
    public static final String SCHEDULE_BY_PID = "schedule.byPid"; //$NON-NLS-1$
    public static final String SCHEDULE_PID = "schedule.pid"; //$NON-NLS-1$
    public static final String SCHEDULE_BY_PATTERN = "schedule.byPattern"; //$NON-NLS-1$
    public static final String SCHEDULE_PATTERN = "schedule.pattern"; //$NON-NLS-1$
    public static final String SCHEDULE_USER = "schedule.user"; //$NON-NLS-1$
    public static final String SCHEDULE_BY_INTERVAL = "schedule.byInterval"; //$NON-NLS-1$
    public static final String SCHEDULE_INTERVAL = "schedule.interval"; //$NON-NLS-1$
    public static final String SCHEDULE_UNIT = "schedule.unit"; //$NON-NLS-1$
    public static final String SCHEDULE_BY_CRON = "schedule.byCron"; //$NON-NLS-1$
    public static final String SCHEDULE_CRON = "schedule.cron"; //$NON-NLS-1$
    /** The timing in words: "every 15 minutes". */
    public static final String SCHEDULE_WHEN = "schedule.when"; //$NON-NLS-1$
    public static final String SCHEDULE_NEXT_RUNS = "schedule.nextRuns"; //$NON-NLS-1$
    public static final String SCHEDULE_FOLDER = "schedule.folder"; //$NON-NLS-1$
    /** An example image path of the schedule. */
    public static final String SCHEDULE_EXAMPLE = "schedule.example"; //$NON-NLS-1$
    public static final String SCHEDULE_KEEP_LAST = "schedule.keepLast"; //$NON-NLS-1$
    public static final String SCHEDULE_HOURLY = "schedule.hourly"; //$NON-NLS-1$
    public static final String SCHEDULE_DAILY = "schedule.daily"; //$NON-NLS-1$
    /** The disk the retention takes at the target's current size. */
    public static final String SCHEDULE_DISK = "schedule.disk"; //$NON-NLS-1$
    public static final String SCHEDULE_ENABLED = "schedule.enabled"; //$NON-NLS-1$

    public static final String SCHEDULES_OWNER = "schedules.owner"; //$NON-NLS-1$
    public static final String SCHEDULES_TABLE = "schedules.table"; //$NON-NLS-1$
    public static final String SCHEDULES_NEW = "schedules.new"; //$NON-NLS-1$
    public static final String SCHEDULES_EDIT = "schedules.edit"; //$NON-NLS-1$
    public static final String SCHEDULES_TOGGLE = "schedules.toggle"; //$NON-NLS-1$
    public static final String SCHEDULES_REMOVE = "schedules.remove"; //$NON-NLS-1$
    public static final String SCHEDULES_RUN_NOW = "schedules.runNow"; //$NON-NLS-1$
    public static final String SCHEDULES_HISTORY = "schedules.history"; //$NON-NLS-1$
    public static final String SCHEDULES_STATUS = "schedules.status"; //$NON-NLS-1$
    public static final String HISTORY_SUMMARY = "history.summary"; //$NON-NLS-1$
    public static final String HISTORY_OWNER = "history.owner"; //$NON-NLS-1$
    /** The history chart's Canvas; its runs table is {@code inspector.table.scheduleRuns}. */
    public static final String HISTORY_CHART = "history.chart"; //$NON-NLS-1$

    private WidgetIds() {
    }
}
