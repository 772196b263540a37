package org.stasis.ui.internal.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.schedule.Checkpointer;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.internal.processes.ProcessesPart;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * Hosts the scheduler's dialog and views for a test: a workbench scheduler on the test's own
 * schedules file, parts in shells of their own, and the History view opened into another shell, as
 * the workbench's {@link PartHistoryOpener} would open a part.
 */
final class SchedulerUi implements AutoCloseable {

    static final Duration SHORT = Duration.ofSeconds(10);

    final UiDriver ui;
    final WorkbenchScheduler scheduler;
    private final PartHost host;
    private final List<HistoryPart> histories = new ArrayList<>();

    SchedulerUi(Path schedulesFile, Checkpointer checkpointer) {
        host = PartHost.plain("stasis-schedules-test");
        ui = host.ui;
        scheduler = WorkbenchScheduler.open(schedulesFile, checkpointer);
        host.context.set(WorkbenchScheduler.class, scheduler);
        host.context.set(HistoryOpener.class, this::openHistory);
    }

    /** @return a new shell of the given size, not yet open: a parent for a dialog */
    Shell shell(String title, int width, int height) {
        return host.shell(title, width, height);
    }

    /** Makes the Schedules view in a shell of its own, and shows it. */
    SchedulesPart schedulesView() {
        Shell shell = host.shell("Schedules", 1100, 420);
        SchedulesPart part = host.make(SchedulesPart.class, shell);
        host.show(shell);
        return part;
    }

    /**
     * Makes the Processes view, with the scheduler's item in its context menu, in a shell of its own.
     *
     * @return the view's shell
     */
    Shell processesView(ProcessMonitor monitor) {
        Shell shell = host.shell("Processes", 1150, 650);
        host.context.set(ProcessMonitor.class, monitor);
        host.make(ProcessesPart.class, shell);
        host.show(shell);
        return shell;
    }

    private void openHistory(CheckpointSchedule schedule) {
        Shell shell = host.shell("History", 1000, 700);
        MPart model = PartHost.model(Map.of(HistoryPart.SCHEDULE_KEY, schedule.getId()));
        histories.add(host.make(HistoryPart.class, shell, model));
        host.show(shell);
    }

    /** @return the History views opened so far */
    List<HistoryPart> histories() {
        return histories;
    }

    /** @return the visible scheduler dialog, once it is there */
    Shell dialog() {
        return ui.waitForShell(Messages.Dialog_ShellTitle, SHORT);
    }

    /** @return the schedule named name, once the scheduler has it */
    CheckpointSchedule saved(String name) {
        return ui.waitFor("schedule " + name + " saved", SHORT, () -> scheduler.scheduler().orElseThrow().schedules().stream()
                .filter(s -> s.getName().equals(name)).findFirst());
    }

    /**
     * A schedule named "counter" on pid with its images in folder, planned once a year: in a test only
     * Run now checkpoints it.
     */
    static CheckpointSchedule yearlyOn(int pid, Path folder) {
        CheckpointSchedule schedule = ScheduleDefaults.blank(folder.getParent());
        schedule.setName("counter");
        schedule.setFolder(folder.toString());
        schedule.setTargetPid(pid);
        schedule.setIntervalSeconds(0);
        schedule.setCronExpression("0 0 1 1 *");
        return schedule;
    }

    @Override
    public void close() {
        host.close(); // first: the parts stop listening to the scheduler
        scheduler.close();
    }
}
