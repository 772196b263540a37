package org.stasis.ui.internal.checkpoints;

import static org.stasis.ui.tests.UiDriver.byId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.preferences.StasisPreferences;
import org.stasis.ui.internal.processes.ProcessesPart;
import org.stasis.ui.tests.BuiltEngine;
import org.stasis.ui.tests.CountingProcess;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * What the Checkpoints view's UI tests share: the Processes and Checkpoints views hosted through
 * e4 DI as the workbench hosts them (with the OSGi service context's event broker), the built
 * engine, a checkpoint folder of the test's own, a counter to checkpoint, and the restore wizard's
 * steps as a user takes them.
 */
abstract class CheckpointsViewUiBase {

    static final Duration APPEAR = Duration.ofSeconds(20);
    static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    Path folder;
    PartHost host;
    UiDriver ui;
    Shell shell;
    private ProcessMonitor monitor;
    CountingProcess counter;

    @BeforeAll
    static void useTheBuiltEngine() {
        new StasisPreferences().setHelperOverride(Optional.of(BuiltEngine.path()));
    }

    @AfterAll
    static void forgetSettings() {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(StasisPreferences.NODE);
        node.remove(StasisPreferences.HELPER_PATH);
        node.remove(StasisPreferences.CHECKPOINT_FOLDER);
    }

    @BeforeEach
    void openWorkbenchParts() throws Exception {
        folder = Files.createDirectory(dir.resolve("checkpoints"));
        new StasisPreferences().setCheckpointFolder(folder);
        host = PartHost.withWorkbenchServices("stasis-checkpoints-test");
        ui = host.ui;
        monitor = new ProcessMonitor(new ProcessReader(), Duration.ofMillis(500));
        host.context.set(ProcessMonitor.class, monitor);
        host.context.set(org.stasis.ui.InspectorService.class, image -> {
            throw new AssertionError("no inspector in this test");
        });
        shell = host.shell("Stasis checkpoints test", 1250, 600);
        host.make(ProcessesPart.class, shell);
        host.make(CheckpointsPart.class, shell);
        host.show(shell);
    }

    /** A real job to restore: a counter on a terminal of its own, keeping its log open. */
    void startTerminalCounter() throws Exception {
        counter = CountingProcess.in(dir).onTerminal().keepingLog().start();
    }

    @AfterEach
    void close() throws Exception {
        if (counter != null) {
            counter.close();
        }
        host.close();
        monitor.close();
    }

    Table checkpoints() {
        return byId(shell, Table.class, WidgetIds.CHECKPOINTS_TABLE);
    }

    TableItem waitForRow(Path image) {
        return ui.waitFor(image.getFileName() + " in the Checkpoints view", APPEAR,
                () -> UiDriver.tableItem(checkpoints(), 0, image.getFileName().toString()));
    }

    Shell waitForShell(String title) {
        return ui.waitForShell(title, SHORT);
    }

    /** Clicks the image's row and Restore…, and returns the wizard. */
    Shell openRestoreWizard(TableItem row) {
        ui.select(row);
        ui.click(byId(shell, Button.class, WidgetIds.CHECKPOINTS_RESTORE));
        return waitForShell(org.stasis.ui.internal.restore.Messages.Wizard_Title);
    }

    /** Next, and waits for the pre-flight check to be shown in full. */
    List<Label> nextToPreflight(Shell wizard) {
        ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.NEXT_LABEL));
        ui.waitUntil("the pre-flight items", APPEAR, () -> preflightItems(wizard).size() == 6);
        return preflightItems(wizard);
    }

    /** Next from the pre-flight check, and waits for the options page. */
    void nextToOptions(Shell wizard) {
        ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.NEXT_LABEL));
        Button detached = byId(wizard, Button.class, WidgetIds.RESTORE_DETACHED);
        ui.waitUntil("the options page", SHORT, detached::isVisible);
    }

    /** Finish, and waits for the wizard to close. */
    void finish(Shell wizard) {
        ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.FINISH_LABEL));
        ui.waitUntil("the wizard to close", SHORT, wizard::isDisposed);
    }

    static List<Label> preflightItems(Shell wizard) {
        return UiDriver.findAll(wizard, Label.class, l -> l.getData(WidgetIds.KEY) instanceof String id
                && id.startsWith(WidgetIds.RESTORE_PREFLIGHT_PREFIX) && l.isVisible());
    }

    static PreflightStatus status(List<Label> items, String title) {
        return items.stream().filter(l -> l.getData(WidgetIds.KEY).equals(WidgetIds.RESTORE_PREFLIGHT_PREFIX + title))
                .map(l -> (PreflightStatus) l.getData("org.stasis.preflight.status")).findFirst()
                .orElseThrow(() -> new AssertionError("no pre-flight item " + title));
    }

    static String explanation(List<Label> items, String title) {
        return items.stream().filter(l -> l.getData(WidgetIds.KEY).equals(WidgetIds.RESTORE_PREFLIGHT_PREFIX + title))
                .map(Label::getText).findFirst().orElseThrow();
    }

    /** What the test sees when the restore does not show up: running? an error dialog? the view asked? */
    String diagnosis(int pid) {
        ui.pause(100);
        return "pid " + pid + (Files.exists(Path.of("/proc", Integer.toString(pid))) ? " runs" : " does not run")
                + ", parts shown " + host.shownParts() + ", windows " + Arrays.stream(host.display.getShells())
                        .map(s -> s.getText() + ": " + UiDriver.findAll(s, Label.class, l -> !l.getText().isEmpty())
                                .stream().map(Label::getText).toList())
                        .toList();
    }
}
