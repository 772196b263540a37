package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;
import static org.stasis.ui.tests.UiDriver.shows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessReader;
import org.stasis.ui.InspectorService;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.inspector.InspectorPart;
import org.stasis.ui.internal.preferences.StasisPreferences;
import org.stasis.ui.internal.processes.ProcessesPart;
import org.stasis.ui.tests.BuiltEngine;
import org.stasis.ui.tests.CountingProcess;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * The point-and-click checkpoint on real processes with the real engine: the Processes view hosted
 * through e4 DI in a real shell, driven with real clicks and keys, as a user would.
 */
class CheckpointUiTest {

    private static final Duration APPEAR = Duration.ofSeconds(15);
    private static final Duration DUMP = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private PartHost host;
    private UiDriver ui;
    private Shell shell;
    private ProcessMonitor monitor;
    private IEclipsePreferences node;
    private final List<CountingProcess> counters = new ArrayList<>();
    private final List<Path> inspected = new ArrayList<>();
    private Path immutable;

    /** Opens the Processes view checkpointing into dir with the real engine, or with privileges from fake. */
    private void open(PrivilegeCheck privileges) {
        host = PartHost.plain("stasis-checkpoint-test");
        ui = host.ui;
        node = InstanceScope.INSTANCE.getNode("org.stasis.ui.tests.checkpoint");
        StasisPreferences preferences = new StasisPreferences(node);
        preferences.setHelperOverride(Optional.of(BuiltEngine.path()));
        preferences.setCheckpointFolder(dir.resolve("images"));
        preferences.setStopAfterCheckpoint(false);

        monitor = new ProcessMonitor(new ProcessReader(), Duration.ofMillis(500));
        host.context.set(ProcessMonitor.class, monitor);
        host.context.set(StasisPreferences.class, preferences);
        host.context.set(PrivilegeCheck.class, privileges);
        host.context.set(InspectorService.class, (InspectorService) this::inspect);
        shell = host.shell("Stasis checkpoint test", 1150, 650);
        host.make(ProcessesPart.class, shell);
        host.show(shell);
    }

    /** The workbench's inspector service opens a part; here the part gets a shell of its own. */
    private void inspect(Path image) {
        inspected.add(image);
        Shell inspectorShell = host.shell("inspector " + image.getFileName(), 1100, 800);
        host.make(InspectorPart.class, inspectorShell, PartHost.model(Map.of(InspectorPart.PATH_KEY, image.toString())));
        inspectorShell.open();
    }

    @AfterEach
    void close() throws Exception {
        if (immutable != null) {
            new ProcessBuilder("chattr", "-i", immutable.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
        for (CountingProcess counter : counters) {
            counter.close();
        }
        if (host != null) {
            host.close(); // dialogs, notifications and inspector shells too
        }
        if (monitor != null) {
            monitor.close();
        }
        if (node != null) {
            node.removeNode();
        }
    }

    private CountingProcess counter(int ballastMiB) throws IOException {
        CountingProcess counter = CountingProcess.in(dir.resolve("counter-" + counters.size())).holding(ballastMiB).start();
        counters.add(counter);
        return counter;
    }

    // ---- driving the view ------------------------------------------------------------------------

    /** Filters the view by pid, as a user looking for it would, and selects its row with a click. */
    private TreeItem select(int pid) {
        Text filter = byId(shell, Text.class, WidgetIds.PROCESS_FILTER);
        ui.click(filter);
        ui.waitUntil("filter box focused", SHORT, filter::isFocusControl);
        ui.type(Integer.toString(pid));
        Tree tree = byId(shell, Tree.class, WidgetIds.PROCESS_TREE);
        TreeItem row = ui.waitFor("row of pid " + pid, APPEAR, () -> UiDriver.treeItem(tree, 0, Integer.toString(pid)));
        ui.select(row);
        return row;
    }

    private void clickToolbarCheckpoint() {
        ToolBar toolBar = byId(shell, ToolBar.class, WidgetIds.PROCESS_TOOLBAR);
        ToolItem item = Stream.of(toolBar.getItems())
                .filter(i -> WidgetIds.PROCESS_CHECKPOINT.equals(i.getData(WidgetIds.KEY))).findFirst().orElseThrow();
        ui.waitUntil("Checkpoint enabled", SHORT, item::isEnabled);
        Rectangle r = item.getBounds();
        ui.clickAt(toolBar.toDisplay(r.x + r.width / 2, r.y + r.height / 2));
    }

    /** Opens the view with privileges, selects the counter and clicks Checkpoint: @return the dialog */
    private Shell dialogFor(CountingProcess counter, PrivilegeCheck privileges) {
        open(privileges);
        select(counter.pid());
        clickToolbarCheckpoint();
        return dialog();
    }

    private Shell dialog() {
        return ui.waitForShell(Messages.Dialog_ShellTitle, SHORT);
    }

    /** @return the dialog's OK, once the privilege check and the destination let it be enabled */
    private Button okOnceEnabled(Shell dialog, String what) {
        Button ok = UiDriver.byText(dialog, Button.class, Messages.Dialog_Ok);
        ui.waitUntil(what, SHORT, ok::isEnabled);
        return ok;
    }

    private Optional<Button> openImageButton() {
        return Stream.of(host.display.getShells()).filter(Shell::isVisible)
                .flatMap(s -> UiDriver.findAll(s, Button.class,
                        b -> WidgetIds.CHECKPOINT_OPEN_IMAGE.equals(b.getData(WidgetIds.KEY))).stream())
                .findFirst();
    }

    private List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    // ---- the tests -------------------------------------------------------------------------------

    @Test
    void checkpointFromTheToolBarNotifiesAndOpensTheImageInTheInspector() throws IOException {
        CountingProcess counter = counter(0);
        Shell dialog = dialogFor(counter, new PrivilegeCheck());
        assertTrue(byId(dialog, Label.class, WidgetIds.CHECKPOINT_PROCESS).getText().startsWith(counter.pid() + " "),
                "the dialog names the process");
        assertEquals(Messages.Dialog_TreeAlone, byId(dialog, Label.class, WidgetIds.CHECKPOINT_TREE).getText());
        assertTrue(byId(dialog, Label.class, WidgetIds.CHECKPOINT_SIZE).getText().matches("about \\d.* [KMG]iB .*"),
                byId(dialog, Label.class, WidgetIds.CHECKPOINT_SIZE).getText());
        assertTrue(byId(dialog, Label.class, WidgetIds.CHECKPOINT_FREE).getText().contains("free"));
        assertEquals(dir.resolve("images").toString(), byId(dialog, Text.class, WidgetIds.CHECKPOINT_FOLDER).getText());
        String name = byId(dialog, Text.class, WidgetIds.CHECKPOINT_NAME).getText();
        assertTrue(name.matches("python3-\\d{8}-\\d{6}\\.stasis"), name);
        assertTrue(byId(dialog, Button.class, WidgetIds.CHECKPOINT_LEAVE_RUNNING).getSelection(), "leave running by default");
        Button ok = okOnceEnabled(dialog, "privileges known and OK enabled");
        assertTrue(byId(dialog, Label.class, WidgetIds.CHECKPOINT_PRIVILEGE).getText().isEmpty());
        ui.click(ok);

        Button open = ui.waitFor("the notification's Open button", DUMP, this::openImageButton);
        Path image = dir.resolve("images").resolve(name);
        assertTrue(Files.size(image) > 0, "the image was written");
        String text = UiDriver.findAll(open.getShell(), Label.class,
                l -> WidgetIds.CHECKPOINT_NOTIFICATION_TEXT.equals(l.getData(WidgetIds.KEY))).get(0).getText();
        assertTrue(text.contains("pid " + counter.pid()) && text.contains(image.toString()) && text.contains("Frozen for")
                && text.contains("runs on"), text);
        assertEquals(List.of(image), filesIn(dir.resolve("images")), "only the image, no temporary file");
        counter.assertCounting(ui);

        ui.click(open);
        ui.waitUntil("the inspector asked to open the image", SHORT, () -> inspected.equals(List.of(image)));
        Shell inspector = ui.waitFor("the inspector's shell", SHORT, () -> Stream.of(host.display.getShells())
                .filter(s -> s.getText().equals("inspector " + image.getFileName())).findFirst());
        Tree processes = ui.waitFor("the Overview's process tree", DUMP, () -> UiDriver.findAll(inspector, Tree.class,
                t -> WidgetIds.INSPECTOR_PROCESS_TREE.equals(t.getData(WidgetIds.KEY))).stream().findFirst());
        assertTrue(UiDriver.treeItem(processes, 0, Integer.toString(counter.pid())).isPresent(),
                "the Overview lists the counter's pid");
    }

    @Test
    void cancelMidwayLeavesTheTreeRunningAndNoImage() throws IOException {
        // 4 GiB: about two seconds of dump at page-cache speed, so that Cancel (a click, then the
        // job's 50 ms watcher, then SIGTERM) lands well before the end even on an idle machine
        CountingProcess counter = counter(4096);
        Button ok = okOnceEnabled(dialogFor(counter, new PrivilegeCheck()), "OK enabled");
        ui.click(ok);

        ProgressBar bar = ui.waitFor("the progress bar", SHORT, () -> UiDriver.findAll(shell, ProgressBar.class,
                b -> WidgetIds.CHECKPOINT_PROGRESS_BAR.equals(b.getData(WidgetIds.KEY))).stream().findFirst());
        Label progress = byId(shell, Label.class, WidgetIds.CHECKPOINT_PROGRESS_TEXT);
        ui.waitUntil("memory being written", DUMP, () -> progress.getText().contains("pages"));
        int midway = bar.getSelection();
        assertTrue(midway < bar.getMaximum() / 2, "still early enough to cancel: " + midway + " of " + bar.getMaximum());
        assertTrue(progress.getText().matches(".*writing memory, [\\d,.]+ of [\\d,.]+ pages"), progress.getText());
        ui.click(byId(shell, Button.class, WidgetIds.CHECKPOINT_CANCEL));

        ui.waitUntil("the progress row gone", DUMP, () -> UiDriver.findAll(shell, ProgressBar.class, b -> true).isEmpty());
        ui.pause(300);
        assertEquals(List.of(), filesIn(dir.resolve("images")), "no image and no temporary file");
        assertFalse(openImageButton().isPresent(), "no notification for a canceled checkpoint");
        counter.assertCounting(ui);
    }

    @Test
    void aProcessGoneBeforeOkShowsTheEnginesMessage() throws Exception {
        CountingProcess counter = counter(0);
        Button ok = okOnceEnabled(dialogFor(counter, new PrivilegeCheck()), "OK enabled");
        counter.kill();
        ui.click(ok);

        String expected = "pid " + counter.pid() + ": no such process";
        Shell error = ui.waitFor("the error dialog", DUMP, () -> Stream.of(host.display.getShells())
                .filter(s -> s.isVisible() && Messages.Failed_Title.equals(s.getText())).findFirst());
        assertTrue(shows(error, expected), "the error dialog shows the engine's message " + expected);
        assertTrue(shows(error, "Stasis could not checkpoint"), "and says what failed");
        assertEquals(List.of(), filesIn(dir.resolve("images")), "no image");
    }

    @Test
    void withoutPrivilegesTheDialogSaysHowToGetThemAndRefusesOk() throws IOException {
        String detail = "not running as root (uid 1000) and without CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE: "
                + "dump and restore need them; run with sudo";
        CheckReport report = new CheckReport(false, List.of(
                new CheckReport.Probe("ptrace", "ok", true, "PTRACE_SEIZE works"),
                new CheckReport.Probe("privileges", "fail", true, detail)));
        List<Path> checked = new ArrayList<>();
        CountingProcess counter = counter(0);
        Shell dialog = dialogFor(counter, new PrivilegeCheck(helper -> {
            checked.add(helper);
            return report;
        }));
        Label privilege = byId(dialog, Label.class, WidgetIds.CHECKPOINT_PRIVILEGE);
        ui.waitUntil("the blocker shown", SHORT, () -> privilege.getText().contains(detail));
        assertTrue(privilege.getText().contains("sudo") && privilege.getText().contains("CAP_CHECKPOINT_RESTORE")
                && privilege.getText().contains("CAP_SYS_PTRACE"), privilege.getText());
        assertTrue(shows(dialog, Messages.Dialog_NoPrivilege), "the title area says why");
        assertFalse(UiDriver.byText(dialog, Button.class, Messages.Dialog_Ok).isEnabled(), "no checkpoint without privileges");
        ui.replaceText(byId(dialog, Text.class, WidgetIds.CHECKPOINT_NAME), "other.stasis");
        assertFalse(UiDriver.byText(dialog, Button.class, Messages.Dialog_Ok).isEnabled(), "typing does not enable it");
        assertEquals(List.of(BuiltEngine.path().toAbsolutePath().normalize()), checked, "checked once, for the helper in use");
    }

    @Test
    void theDialogJudgesTheDestinationAsYouType() throws Exception {
        CountingProcess counter = counter(0);
        Shell dialog = dialogFor(counter, new PrivilegeCheck());
        Button ok = okOnceEnabled(dialog, "OK enabled");
        assertTrue(shows(dialog, "does not exist yet: it will be created"), "the default folder is new");

        Text folder = byId(dialog, Text.class, WidgetIds.CHECKPOINT_FOLDER);
        Text name = byId(dialog, Text.class, WidgetIds.CHECKPOINT_NAME);
        Path existing = Files.writeString(dir.resolve("old.stasis"), "an older image");
        ui.replaceText(folder, dir.toString());
        ui.replaceText(name, "old.stasis");
        assertTrue(shows(dialog, "old.stasis exists: it will be replaced, safely"), "warns about the existing image");
        assertTrue(ok.isEnabled(), "replacing is allowed");

        ui.replaceText(folder, existing.resolve("sub").toString());
        assertTrue(shows(dialog, existing + " is a file, not a folder"), "a file on the way is refused");
        assertFalse(ok.isEnabled());

        immutable = Files.createDirectory(dir.resolve("locked"));
        Process chattr = new ProcessBuilder("chattr", "+i", immutable.toString()).redirectErrorStream(true).start();
        assertTrue(chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0,
                "chattr +i makes a folder even root cannot write to: " + new String(chattr.getInputStream().readAllBytes()));
        ui.replaceText(folder, immutable.toString());
        assertTrue(shows(dialog, "You cannot write to " + immutable), "an unwritable folder is refused");
        assertFalse(ok.isEnabled());

        ui.replaceText(folder, "relative/folder");
        assertTrue(shows(dialog, Messages.Destination_RelativeFolder));
        assertFalse(ok.isEnabled());

        ui.replaceText(folder, dir.toString());
        ui.replaceText(name, "fresh.stasis");
        ui.waitUntil("OK enabled again", SHORT, ok::isEnabled);
        assertTrue(shows(dialog, Messages.Dialog_Message), "back to the plain message");
    }

    @Test
    void ctrlKAndTheContextMenuOpenTheDialog() throws IOException {
        CountingProcess counter = counter(0);
        open(new PrivilegeCheck());
        TreeItem row = select(counter.pid());
        Tree tree = row.getParent();
        ui.waitUntil("tree focused", SHORT, tree::isFocusControl);
        ui.keyCombo(SWT.CTRL, 'k');
        Shell dialog = dialog();
        ui.click(UiDriver.byText(dialog, Button.class, IDialogConstants.CANCEL_LABEL));
        ui.waitUntil("dialog closed", SHORT, dialog::isDisposed);

        ui.openContextMenu(row);
        ui.key(SWT.ARROW_DOWN);
        ui.key(SWT.CR);
        Shell again = dialog();
        assertTrue(byId(again, Label.class, WidgetIds.CHECKPOINT_PROCESS).getText().startsWith(counter.pid() + " "));
    }
}
