package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.UiDriver;

/** "Checkpoint periodically…" in the Processes view's context menu opens the dialog for the selected process. */
class PeriodicCheckpointMenuUiTest {

    @TempDir
    Path dir;
    private Process sleep;
    private SchedulerUi host;
    private ProcessMonitor monitor;

    @AfterEach
    void stop() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (sleep != null) {
            sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theItemFollowsTheSelectionAndOpensTheDialogForTheProcess() throws Exception {
        sleep = new ProcessBuilder("sleep", "300").start();
        host = new SchedulerUi(dir.resolve("schedules.xmi"), (pid, image) -> {
            throw new CheckpointException("no checkpoints in this test");
        });
        monitor = new ProcessMonitor(new ProcessReader(), Duration.ofMillis(500));
        Shell processes = host.processesView(monitor);
        Tree tree = byId(processes, Tree.class, WidgetIds.PROCESS_TREE);
        assertFalse(periodicItem(tree).isEnabled(), "nothing selected yet");

        String pid = Long.toString(sleep.pid());
        // as a user would: filter by the pid, which leaves the sleep and its ancestors, expanded
        Text filter = byId(processes, Text.class, WidgetIds.PROCESS_FILTER);
        host.ui.replaceText(filter, pid);
        TreeItem row = host.ui.waitFor("the sleep's row", Duration.ofSeconds(15), () -> UiDriver.treeItem(tree, 0, pid));
        host.ui.select(row);
        host.ui.waitUntil("the item enabled for the selected process", SchedulerUi.SHORT, periodicItem(tree)::isEnabled);
        chooseFromContextMenu(row, periodicItem(tree));

        Shell dialog = host.dialog();
        assertEquals(pid, byId(dialog, Text.class, WidgetIds.SCHEDULE_PID).getText());
        assertTrue(byId(dialog, Button.class, WidgetIds.SCHEDULE_BY_PID).getSelection());
        assertEquals("sleep", byId(dialog, Text.class, WidgetIds.SCHEDULE_NAME).getText());
        assertEquals("^sleep 300", byId(dialog, Text.class, WidgetIds.SCHEDULE_PATTERN).getText(),
                "the command line is offered as the pattern");
        assertEquals(System.getProperty("user.name"), byId(dialog, Text.class, WidgetIds.SCHEDULE_USER).getText());
    }

    private static IAction periodicItem(Tree tree) {
        MenuManager menu = (MenuManager) tree.getMenu().getData(MenuManager.MANAGER_KEY);
        return Arrays.stream(menu.getItems()).filter(ActionContributionItem.class::isInstance)
                .map(i -> ((ActionContributionItem) i).getAction())
                .filter(a -> Messages.Menu_CheckpointPeriodically.equals(a.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no Checkpoint periodically… in the Processes view's menu"));
    }

    /**
     * Right-clicks row to open the tree's context menu, then walks down to the item as the keyboard
     * would: the arrow keys stop at every enabled item and pass over separators and disabled ones.
     */
    private void chooseFromContextMenu(TreeItem row, IAction action) {
        Menu menu = host.ui.openContextMenu(row);
        // the menu manager fills the menu as it shows, each item holding its contribution as data
        List<MenuItem> reachable = Arrays.stream(menu.getItems())
                .filter(i -> (i.getStyle() & SWT.SEPARATOR) == 0 && i.isEnabled()).toList();
        int steps = 1 + reachable.stream().map(i -> i.getData() instanceof ActionContributionItem c ? c.getAction() : null)
                .toList().indexOf(action);
        assertTrue(steps > 0, action.getText() + " among the enabled items " + reachable);
        for (int i = 0; i < steps; i++) {
            host.ui.key(SWT.ARROW_DOWN);
        }
        host.ui.key(SWT.CR);
        host.ui.waitUntil("the context menu closed", SchedulerUi.SHORT, () -> !menu.isVisible());
    }
}
