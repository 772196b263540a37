package org.stasis.ui.internal.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.schedule.Checkpointer;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.processes.ProcessesPart;
import org.stasis.ui.tests.UiDriver;

/**
 * Hosts the scheduler's dialog and views for a test: one display, a workbench scheduler on the
 * test's own schedules file, parts made through e4 DI in shells of their own (as the workbench makes
 * them from Application.e4xmi), and the History view opened into another shell, as the workbench's
 * {@link PartHistoryOpener} would open a part.
 */
final class SchedulerUi implements AutoCloseable {

    static final Duration SHORT = Duration.ofSeconds(10);

    final Display display;
    final UiDriver ui;
    final WorkbenchScheduler scheduler;
    private final IEclipseContext context;
    private final List<IEclipseContext> partContexts = new ArrayList<>();
    private final List<HistoryPart> histories = new ArrayList<>();

    SchedulerUi(Path schedulesFile, Checkpointer checkpointer) {
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        ui = new UiDriver(display);
        scheduler = WorkbenchScheduler.open(schedulesFile, checkpointer);
        context = EclipseContextFactory.create("stasis-schedules-test");
        context.set(WorkbenchScheduler.class, scheduler);
        context.set(HistoryOpener.class, this::openHistory);
    }

    /** @return a new shell of the given size, not yet open */
    Shell shell(String title, int width, int height) {
        Shell shell = new Shell(display);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, width, height);
        return shell;
    }

    /** Makes the Schedules view in a shell of its own, and shows it. */
    SchedulesPart schedulesView() {
        Shell shell = shell("Schedules", 1100, 420);
        SchedulesPart part = make(SchedulesPart.class, shell, null);
        show(shell);
        return part;
    }

    /** Makes the Processes view, with the scheduler's item in its context menu, in a shell of its own. */
    ProcessesPart processesView(ProcessMonitor monitor) {
        Shell shell = shell("Processes", 1150, 650);
        context.set(ProcessMonitor.class, monitor);
        ProcessesPart part = make(ProcessesPart.class, shell, null);
        show(shell);
        return part;
    }

    private void openHistory(CheckpointSchedule schedule) {
        MPart model = MBasicFactory.INSTANCE.createPart();
        model.getPersistedState().put(HistoryPart.SCHEDULE_KEY, schedule.getId());
        Shell shell = shell("History", 1000, 700);
        histories.add(make(HistoryPart.class, shell, model));
        show(shell);
    }

    /** @return the History views opened so far */
    List<HistoryPart> histories() {
        return histories;
    }

    private <T> T make(Class<T> type, Shell shell, MPart model) {
        IEclipseContext partContext = context.createChild(type.getSimpleName());
        partContext.set(Composite.class, new Composite(shell, SWT.NONE));
        if (model != null) {
            partContext.set(MPart.class, model);
        }
        partContexts.add(partContext);
        return ContextInjectionFactory.make(type, partContext);
    }

    private void show(Shell shell) {
        shell.open();
        shell.forceActive();
        ui.settle();
    }

    /** @return the visible scheduler dialog, once it is there */
    Shell dialog() {
        return ui.waitFor("the scheduler dialog", SHORT, () -> Stream.of(display.getShells())
                .filter(s -> s.isVisible() && Messages.Dialog_ShellTitle.equals(s.getText())).findFirst());
    }

    static <T extends Control> T byId(Control in, Class<T> type, String id) {
        return UiDriver.byData(in, type, WidgetIds.KEY, id);
    }

    /** @return whether a label or a text field in the shell (the title area's message is one) contains text */
    static boolean shows(Shell in, String text) {
        return !UiDriver.findAll(in, Control.class, c -> (c instanceof Label l && l.getText().contains(text))
                || (c instanceof Text t && t.getText().contains(text))).isEmpty();
    }

    /** Replaces a field's text by typing, as a user who selected it all would. */
    void replaceText(Text field, String text) {
        ui.click(field);
        ui.waitUntil("field focused", SHORT, field::isFocusControl);
        field.selectAll();
        ui.type(text);
        ui.waitUntil("typed " + text + " (field has " + field.getText() + ")", SHORT, () -> field.getText().equals(text));
    }

    /** @return the schedule named name, once the scheduler has it */
    CheckpointSchedule saved(String name) {
        return ui.waitFor("schedule " + name + " saved", SHORT, () -> scheduler.scheduler().orElseThrow().schedules().stream()
                .filter(s -> s.getName().equals(name)).findFirst());
    }

    Optional<Shell> visibleShell(String title) {
        return Stream.of(display.getShells()).filter(s -> s.isVisible() && title.equals(s.getText())).findFirst();
    }

    @Override
    public void close() {
        for (IEclipseContext c : partContexts) {
            c.dispose(); // @PreDestroy: the parts stop listening
        }
        context.dispose();
        scheduler.close();
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }
}
