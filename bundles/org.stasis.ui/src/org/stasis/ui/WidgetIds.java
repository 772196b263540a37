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
    /** The Processes view's tool bar; its first item is Checkpoint. */
    public static final String PROCESS_TOOLBAR = "processes.toolbar"; //$NON-NLS-1$
    /** The Checkpoint tool item (a ToolItem, not a Control). */
    public static final String PROCESS_CHECKPOINT = "processes.checkpoint"; //$NON-NLS-1$

    public static final String CHECKPOINT_PROCESS = "checkpoint.process"; //$NON-NLS-1$
    public static final String CHECKPOINT_TREE = "checkpoint.tree"; //$NON-NLS-1$
    public static final String CHECKPOINT_SIZE = "checkpoint.size"; //$NON-NLS-1$
    public static final String CHECKPOINT_FOLDER = "checkpoint.folder"; //$NON-NLS-1$
    public static final String CHECKPOINT_BROWSE = "checkpoint.browse"; //$NON-NLS-1$
    public static final String CHECKPOINT_NAME = "checkpoint.name"; //$NON-NLS-1$
    public static final String CHECKPOINT_FREE = "checkpoint.free"; //$NON-NLS-1$
    public static final String CHECKPOINT_LEAVE_RUNNING = "checkpoint.leaveRunning"; //$NON-NLS-1$
    public static final String CHECKPOINT_STOP = "checkpoint.stop"; //$NON-NLS-1$
    public static final String CHECKPOINT_PRIVILEGE = "checkpoint.privilege"; //$NON-NLS-1$
    public static final String CHECKPOINT_PROGRESS_AREA = "checkpoint.progressArea"; //$NON-NLS-1$
    public static final String CHECKPOINT_PROGRESS_TEXT = "checkpoint.progressText"; //$NON-NLS-1$
    public static final String CHECKPOINT_PROGRESS_BAR = "checkpoint.progressBar"; //$NON-NLS-1$
    public static final String CHECKPOINT_CANCEL = "checkpoint.cancel"; //$NON-NLS-1$
    public static final String CHECKPOINT_NOTIFICATION_TEXT = "checkpoint.notificationText"; //$NON-NLS-1$
    public static final String CHECKPOINT_OPEN_IMAGE = "checkpoint.openImage"; //$NON-NLS-1$

    public static final String PREFERENCES_FOLDER = "preferences.folder"; //$NON-NLS-1$
    public static final String PREFERENCES_STOP = "preferences.stop"; //$NON-NLS-1$
    public static final String PREFERENCES_PID_NAMESPACE = "preferences.pidNamespace"; //$NON-NLS-1$
    public static final String PREFERENCES_HELPER = "preferences.helper"; //$NON-NLS-1$
    public static final String PREFERENCES_HELPER_IN_USE = "preferences.helperInUse"; //$NON-NLS-1$


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

    public static final String INSPECTOR_RESTORE = "inspector.restore"; //$NON-NLS-1$

    public static final String CHECKPOINTS_TABLE = "checkpoints.table"; //$NON-NLS-1$
    public static final String CHECKPOINTS_FILTER = "checkpoints.filter"; //$NON-NLS-1$
    public static final String CHECKPOINTS_FOLDERS = "checkpoints.folders"; //$NON-NLS-1$
    public static final String CHECKPOINTS_STATUS = "checkpoints.status"; //$NON-NLS-1$
    public static final String CHECKPOINTS_OPEN = "checkpoints.open"; //$NON-NLS-1$
    public static final String CHECKPOINTS_RESTORE = "checkpoints.restore"; //$NON-NLS-1$
    public static final String CHECKPOINTS_DELETE = "checkpoints.delete"; //$NON-NLS-1$
    public static final String CHECKPOINTS_REVEAL = "checkpoints.reveal"; //$NON-NLS-1$
    public static final String CHECKPOINTS_ADD_FOLDER = "checkpoints.addFolder"; //$NON-NLS-1$
    public static final String CHECKPOINTS_REMOVE_FOLDER = "checkpoints.removeFolder"; //$NON-NLS-1$

    public static final String RESTORE_IMAGE = "restore.image"; //$NON-NLS-1$
    public static final String RESTORE_RECENT = "restore.recent"; //$NON-NLS-1$
    public static final String RESTORE_PREFLIGHT_SUMMARY = "restore.preflight.summary"; //$NON-NLS-1$
    /** Followed by the item's title: the explanation of that pre-flight item. */
    public static final String RESTORE_PREFLIGHT_PREFIX = "restore.preflight.item."; //$NON-NLS-1$
    public static final String RESTORE_ORIGINAL_PIDS = "restore.originalPids"; //$NON-NLS-1$
    public static final String RESTORE_PID_NAMESPACE = "restore.pidNamespace"; //$NON-NLS-1$
    public static final String RESTORE_DETACHED = "restore.detached"; //$NON-NLS-1$
    public static final String RESTORE_TERMINAL = "restore.terminal"; //$NON-NLS-1$
    public static final String RESTORE_OUTPUT_FILE = "restore.outputFile"; //$NON-NLS-1$
    public static final String RESTORE_OUTPUT_PATH = "restore.outputPath"; //$NON-NLS-1$
    public static final String RESTORE_OUTPUT_NULL = "restore.outputNull"; //$NON-NLS-1$
    public static final String RESTORE_OUTPUT_KEEP = "restore.outputKeep"; //$NON-NLS-1$

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
