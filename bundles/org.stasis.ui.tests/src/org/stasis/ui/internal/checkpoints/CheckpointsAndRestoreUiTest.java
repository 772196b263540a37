package org.stasis.ui.internal.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.ui.ProcessSelection;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.UiDriver;

/**
 * The Checkpoints view and the restore wizard on a real job (a counter on a terminal of its own):
 * checkpointed and stopped from the Processes view's context menu, the image appears in the
 * Checkpoints view by itself, the wizard restores
 * it with real clicks (Next, Next, Finish) and the counter counts on, selected in the Processes
 * view; a deleted log turns the pre-flight check red; Delete asks first.
 */
class CheckpointsAndRestoreUiTest extends CheckpointsViewUiBase {

    /**
     * As a user would: filter the Processes view to pid, select it, Checkpoint… in its context
     * menu, name the image, choose to stop the tree, and press Checkpoint.
     */
    private void checkpointAndStopFromTheProcessesView(int pid, Path image) {
        Text filter = byId(shell, Text.class, WidgetIds.PROCESS_FILTER);
        ui.click(filter);
        ui.waitUntil("filter box focused", SHORT, filter::isFocusControl);
        ui.type(Integer.toString(pid));
        Tree processes = byId(shell, Tree.class, WidgetIds.PROCESS_TREE);
        TreeItem row = ui.waitFor("row of pid " + pid, APPEAR, () -> UiDriver.treeItem(processes, 0, Integer.toString(pid)));
        ui.select(row);
        ui.openContextMenu(row);
        ui.key(SWT.ARROW_DOWN); // its first item: Checkpoint…
        ui.key(SWT.CR);
        Shell dialog = ui.waitForShell(org.stasis.ui.internal.checkpoint.Messages.Dialog_ShellTitle, SHORT);
        assertEquals(folder.toString(), byId(dialog, Text.class, WidgetIds.CHECKPOINT_FOLDER).getText(),
                "the preferences' checkpoint folder");
        ui.replaceText(byId(dialog, Text.class, WidgetIds.CHECKPOINT_NAME), image.getFileName().toString());
        ui.click(byId(dialog, Button.class, WidgetIds.CHECKPOINT_STOP));
        Button ok = UiDriver.byText(dialog, Button.class, org.stasis.ui.internal.checkpoint.Messages.Dialog_Ok);
        ui.waitUntil("Checkpoint enabled", SHORT, ok::isEnabled);
        ui.click(ok);
    }

    @Test
    void aNewImageAppearsAndRestoresThroughTheWizardCountingOnSelected() throws Exception {
        startTerminalCounter();
        int pid = counter.pid();
        Path image = folder.resolve("counter.stasis");
        checkpointAndStopFromTheProcessesView(pid, image);
        counter.kill(); // returns once the checkpoint's stop has freed the pid
        long atCheckpoint = counter.count();

        // no refresh: the folder watch finds it
        TableItem row = waitForRow(image);
        assertTrue(row.getText(1).startsWith("PID " + pid + ": ") && row.getText(1).contains("python3"), row.getText(1));

        Shell wizard = openRestoreWizard(row);
        assertEquals(image.toString(), byId(wizard, Text.class, WidgetIds.RESTORE_IMAGE).getText(),
                "the image is pre-selected");

        List<Label> items = nextToPreflight(wizard);
        for (Label item : items) {
            assertFalse(item.getData("org.stasis.preflight.status") == PreflightStatus.ERROR, item.getText());
        }
        assertEquals(PreflightStatus.OK, status(items, "Original PIDs"), explanation(items, "Original PIDs"));
        assertEquals(PreflightStatus.OK, status(items, "Files"), explanation(items, "Files"));

        nextToOptions(wizard);
        Button toFile = byId(wizard, Button.class, WidgetIds.RESTORE_OUTPUT_FILE);
        assertTrue(toFile.getSelection() && toFile.isEnabled(), "its terminal output goes to a file by default");
        Path output = folder.resolve("counter.log");
        assertEquals(output.toString(), byId(wizard, Text.class, WidgetIds.RESTORE_OUTPUT_PATH).getText());
        assertTrue(byId(wizard, Button.class, WidgetIds.RESTORE_ORIGINAL_PIDS).getSelection());

        finish(wizard);

        Tree processes = byId(shell, Tree.class, WidgetIds.PROCESS_TREE);
        try {
            ui.waitUntil("the restored root selected in the Processes view", APPEAR, () -> processes.getSelectionCount() == 1
                    && processes.getSelection()[0].getText(0).equals(Integer.toString(pid)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + diagnosis(pid), e);
        }
        assertTrue(host.shownParts().contains(ProcessSelection.PART_ID),
                "the Processes view was brought to the front: " + host.shownParts());
        counter.waitForCountAbove(atCheckpoint + 5, SHORT);
        assertTrue(counter.count() < atCheckpoint + 400, "counted on from " + atCheckpoint + ", not from 0: " + counter.count());
        assertEquals(output, Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "fd", "1")),
                "its terminal output goes to the file");
        long printed = Files.readAllLines(output).size();
        ui.waitUntil("the counter printing into " + output, SHORT, () -> lines(output) > printed);
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void aDeletedLogTurnsThePreflightCheckRedAndFinishOff() throws Exception {
        startTerminalCounter();
        Path image = folder.resolve("counter.stasis");
        counter.checkpointAndKill(image);
        Files.delete(counter.log());

        Shell wizard = openRestoreWizard(waitForRow(image));
        List<Label> items = nextToPreflight(wizard);
        assertEquals(PreflightStatus.ERROR, status(items, "Files"));
        assertTrue(explanation(items, "Files").contains(counter.log().toString()), explanation(items, "Files"));
        assertFalse(UiDriver.byText(wizard, Button.class, IDialogConstants.FINISH_LABEL).isEnabled(),
                "Finish while an item is red");
        assertFalse(UiDriver.byText(wizard, Button.class, IDialogConstants.NEXT_LABEL).isEnabled(),
                "Next while an item is red");
        ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.CANCEL_LABEL));
        ui.waitUntil("the wizard to close", SHORT, wizard::isDisposed);
        assertFalse(Files.exists(Path.of("/proc", Integer.toString(counter.pid()))), "nothing was restored");
    }

    @Test
    void deleteAsksFirstAndRemovesOnlyThatImage() throws Exception {
        startTerminalCounter();
        Path image = folder.resolve("a.stasis");
        counter.checkpointAndKill(image);
        Path copy = Files.copy(image, folder.resolve("b.stasis"));
        Path corrupt = Files.writeString(folder.resolve("c.stasis"), "not an image");
        Path other = Files.writeString(folder.resolve("notes.txt"), "kept");

        waitForRow(copy);
        TableItem broken = waitForRow(corrupt);
        assertTrue(broken.getText(1).startsWith("Not a readable image: ") && broken.getText(1).length() > 30,
                "a corrupt file is listed with the reader's reason: " + broken.getText(1));
        assertEquals(3, checkpoints().getItemCount(), "images only, no other files");

        ui.click(UiDriver.tableItem(checkpoints(), 0, "a.stasis").orElseThrow());
        ui.click(byId(shell, Button.class, WidgetIds.CHECKPOINTS_DELETE));
        Shell confirm = waitForShell(Messages.Delete_Title);
        ui.click(UiDriver.byText(confirm, Button.class, IDialogConstants.CANCEL_LABEL));
        ui.waitUntil("the question to close", SHORT, confirm::isDisposed);
        assertTrue(Files.exists(image), "Cancel deletes nothing");

        ui.click(UiDriver.tableItem(checkpoints(), 0, "a.stasis").orElseThrow());
        ui.click(byId(shell, Button.class, WidgetIds.CHECKPOINTS_DELETE));
        Shell again = waitForShell(Messages.Delete_Title);
        ui.click(UiDriver.byText(again, Button.class, Messages.Delete_Confirm));
        ui.waitUntil("a.stasis gone from the view", APPEAR,
                () -> UiDriver.tableItem(checkpoints(), 0, "a.stasis").isEmpty());
        assertFalse(Files.exists(image));
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.forEach(left::add);
        }
        assertEquals(List.of(copy, corrupt, other), left.stream().sorted().toList(), "nothing else was touched");
        assertEquals(2, checkpoints().getItemCount());
    }
}
