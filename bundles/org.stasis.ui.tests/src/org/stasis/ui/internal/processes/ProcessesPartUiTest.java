package org.stasis.ui.internal.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessReader;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * The Processes view, hosted through e4 DI in a real shell and driven with real mouse and key events.
 */
class ProcessesPartUiTest {

    /** Faster than the workbench's 2 s so the test does not idle; the logic is the same. */
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration APPEAR = Duration.ofSeconds(15);
    /** "Gone within a few refresh cycles". */
    private static final Duration DISAPPEAR = INTERVAL.multipliedBy(4).plusSeconds(1);

    private PartHost host;
    private Shell shell;
    private ProcessMonitor monitor;
    private ProcessesPart part;
    private UiDriver ui;
    private Process sleep;

    private void open(ProcessReader reader) {
        host = PartHost.plain("stasis-ui-test");
        ui = host.ui;
        monitor = new ProcessMonitor(reader, INTERVAL);
        host.context.set(ProcessMonitor.class, monitor);
        shell = host.shell("Stasis UI test", 1150, 650);
        // the same DI path E4Application takes for the part in Application.e4xmi
        part = host.make(ProcessesPart.class, shell);
        host.show(shell);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (sleep != null) {
            sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (host != null) {
            host.close(); // runs @PreDestroy: the part unsubscribes
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    private Tree tree() {
        return UiDriver.byData(shell, Tree.class, WidgetIds.KEY, WidgetIds.PROCESS_TREE);
    }

    private ProcessesModel model() {
        return (ProcessesModel) part.viewer().getInput();
    }

    /** Waits for pid's row, expanding collapsed parents as a user would. */
    private TreeItem waitForRow(long pid) {
        try {
            ui.waitUntil("pid " + pid + " in the view's model", APPEAR,
                    () -> model().tree().snapshot().byPid(pid).isPresent());
            // its parent row may be collapsed: expand like a user would, then find the row
            part.viewer().expandAll();
            return ui.waitFor("row of pid " + pid, Duration.ofSeconds(5),
                    () -> UiDriver.treeItem(tree(), 0, Long.toString(pid)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; status: " + UiDriver.byData(shell, Label.class, WidgetIds.KEY,
                    WidgetIds.PROCESS_STATUS).getText() + "; rows: " + UiDriver.allItems(tree()).size() + ", snapshot has "
                    + model().tree().size() + " processes, pid in snapshot: "
                    + model().tree().snapshot().byPid(pid).isPresent() + ", first rows: "
                    + UiDriver.allItems(tree()).stream().limit(8).map(i -> i.getText(0) + "/" + i.getText(1))
                            .collect(Collectors.joining(", ")), e);
        }
    }

    private Set<Long> shownPids() {
        return UiDriver.allItems(tree()).stream().map(i -> Long.valueOf(i.getText(0))).collect(Collectors.toSet());
    }

    @Test
    void childProcessAppearsFiltersByPidAndDisappears() throws IOException {
        open(new ProcessReader());
        sleep = new ProcessBuilder("sleep", "300").start();
        String pid = Long.toString(sleep.pid());
        TreeItem row = waitForRow(sleep.pid());
        assertEquals("sleep 300", row.getText(ProcessColumn.COMMAND.ordinal()));
        assertEquals(System.getProperty("user.name"), row.getText(ProcessColumn.USER.ordinal()));
        assertTrue(shownPids().size() > 3, "unfiltered view lists the machine's processes");

        Text filter = UiDriver.byData(shell, Text.class, WidgetIds.KEY, WidgetIds.PROCESS_FILTER);
        ui.click(filter);
        ui.waitUntil("filter box focused", Duration.ofSeconds(5), filter::isFocusControl);
        ui.type(pid);
        assertEquals(pid, filter.getText(), "typed through real key events");

        Set<Long> allowed = new HashSet<>();
        allowed.add(sleep.pid());
        for (Optional<ProcessHandle> p = sleep.toHandle().parent(); p.isPresent(); p = p.get().parent()) {
            allowed.add(p.get().pid());
        }
        ui.waitUntil("only the child and its ancestors shown", APPEAR,
                () -> shownPids().contains(sleep.pid()) && allowed.containsAll(shownPids()));
        assertTrue(shownPids().contains(ProcessHandle.current().pid()), "the test JVM is shown as the parent");
        if (!allowed.contains(1L)) {
            assertFalse(shownPids().contains(1L), "pid 1 is neither a match nor an ancestor");
        }
        Label status = UiDriver.byData(shell, Label.class, WidgetIds.KEY, WidgetIds.PROCESS_STATUS);
        assertTrue(status.getText().startsWith(shownPids().size() + " of "), status.getText());

        sleep.destroyForcibly();
        ui.waitUntil("killed child gone from the view", DISAPPEAR,
                () -> UiDriver.treeItem(tree(), 0, pid).isEmpty());
    }

    @Test
    void selectionAndExpansionSurviveRefreshes() throws IOException {
        open(new ProcessReader());
        sleep = new ProcessBuilder("sleep", "300").start();
        TreeItem row = waitForRow(sleep.pid());
        TreeItem parentRow = row.getParentItem();
        assertNotNull(parentRow, "sleep has our JVM as parent row");
        ui.select(row);
        Object selected = part.viewer().getStructuredSelection().getFirstElement();
        assertEquals(ProcessKey.class, selected.getClass());

        Instant before = model().takenAt();
        // refreshes are at least INTERVAL apart: a snapshot taken more than INTERVAL later is the 2nd or later
        ui.waitUntil("two more refreshes", APPEAR, () -> model().takenAt().isAfter(before.plus(INTERVAL)));
        IStructuredSelection after = part.viewer().getStructuredSelection();
        assertEquals(1, after.size());
        assertEquals(selected, after.getFirstElement());
        assertEquals(Long.toString(sleep.pid()), tree().getSelection()[0].getText(0));
        assertTrue(parentRow.getExpanded(), "parent row still expanded");
        assertTrue(part.viewer().getExpandedState(model().tree().parent((ProcessKey) selected).orElseThrow()));
    }

    @Test
    void clickingThePidHeaderSortsNumerically(@TempDir Path tmp) throws IOException {
        Path proc = FakeProc.create(tmp.resolve("proc"), 2, 9, 10, 100, 33);
        open(new ProcessReader(proc, tmp.resolve("passwd")));
        ui.waitUntil("five rows", APPEAR, () -> tree().getItemCount() == 5);
        assertEquals(List.of("2", "9", "10", "33", "100"), rootPids(), "PID ascending by default");

        TreeColumn pidColumn = tree().getColumn(ProcessColumn.PID.ordinal());
        ui.click(pidColumn);
        ui.waitUntil("PID descending", Duration.ofSeconds(5), () -> tree().getSortDirection() == SWT.DOWN);
        assertEquals(List.of("100", "33", "10", "9", "2"), rootPids());

        ui.click(pidColumn);
        ui.waitUntil("PID ascending", Duration.ofSeconds(5), () -> tree().getSortDirection() == SWT.UP);
        assertEquals(List.of("2", "9", "10", "33", "100"), rootPids());

        TreeColumn rss = tree().getColumn(ProcessColumn.RSS.ordinal());
        ui.click(rss);
        ui.waitUntil("sorted by RSS", Duration.ofSeconds(5), () -> tree().getSortColumn() == rss);
        // FakeProc gives pid n an RSS of (n mod 7) MiB: 2,9->2; 10->3; 33->5; 100->2 (ties by pid)
        assertEquals(List.of("2", "9", "100", "10", "33"), rootPids());
    }

    private List<String> rootPids() {
        return List.of(tree().getItems()).stream().map(i -> i.getText(0)).collect(Collectors.toList());
    }

    /** Writes a minimal /proc with the given pids as root processes. */
    static final class FakeProc {
        private FakeProc() {
        }

        static Path create(Path proc, long... pids) throws IOException {
            Files.createDirectories(proc);
            Files.writeString(proc.resolve("stat"), "btime 1700000000\n");
            Files.writeString(proc.resolve("uptime"), "1000.00 1000.00\n");
            for (long pid : pids) {
                Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
                StringBuilder stat = new StringBuilder(pid + " (fake" + pid + ") S 0");
                for (int field = 5; field <= 52; field++) {
                    stat.append(' ').append(field == 22 ? 100 + pid : field == 20 ? 1 : 0);
                }
                Files.writeString(dir.resolve("stat"), stat + "\n");
                Files.writeString(dir.resolve("status"), "Uid:\t0\t0\t0\t0\nVmRSS:\t" + (pid % 7) * 1024 + " kB\n");
                Files.write(dir.resolve("cmdline"), ("/bin/fake" + pid + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return proc;
        }
    }
}
