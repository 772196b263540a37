package org.stasis.ui.internal.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.UiDriver;

/**
 * The restore wizard's "attach to a terminal" for real: a counter that was on a terminal of its own
 * is checkpointed and killed, restored through the wizard into a new terminal window (the xterm
 * that x-terminal-emulator or xterm opens on the test's X display), and counts on there from where
 * it was, as that terminal's foreground job; with its own pid, or in a new PID namespace.
 */
class TerminalRestoreUiTest extends CheckpointsViewUiBase {

    /** The terminal window starts a restore of its own after the wizard closes: give a loaded machine time. */
    private static final Duration RESTORED = Duration.ofSeconds(60);

    private Instant started;

    @BeforeEach
    void noteTheStart() {
        started = Instant.now().minusSeconds(1);
    }

    @Test
    void aTerminalJobComesBackInATerminalWindowCountingOnAsItsForegroundJob() throws Exception {
        ProcessHandle root = restoreIntoATerminalWindow(false);
        assertEquals(counter.pid(), root.pid(), "its own pid");
        Tree processes = byId(shell, Tree.class, WidgetIds.PROCESS_TREE);
        ui.waitUntil("the restored root selected in the Processes view", APPEAR, () -> processes.getSelectionCount() == 1
                && processes.getSelection()[0].getText(0).equals(Integer.toString(counter.pid())));
    }

    @Test
    void inANewPidNamespaceItIsTheTerminalsForegroundJobToo() throws Exception {
        ProcessHandle root = restoreIntoATerminalWindow(true);
        assertNotEquals(counter.pid(), root.pid(), "a host pid of its own, its old pid inside the namespace");
    }

    /**
     * Checkpoints and kills the counter, restores it through the wizard attached to a terminal, and
     * checks what both ways share: it counts on from the kill in an xterm window, whose pty is its
     * stdin, stdout, stderr and controlling terminal, as the foreground job.
     *
     * @return the restored counter
     */
    private ProcessHandle restoreIntoATerminalWindow(boolean namespace) throws Exception {
        startTerminalCounter();
        int pid = counter.pid();
        Path image = folder.resolve("counter.stasis");
        counter.checkpointAndKill(image);
        long atKill = counter.count();

        Shell wizard = openRestoreWizard(waitForRow(image));
        List<Label> items = nextToPreflight(wizard);
        assertEquals(PreflightStatus.OK, status(items, "Original PIDs"), explanation(items, "Original PIDs"));
        nextToOptions(wizard);
        if (namespace) {
            ui.click(byId(wizard, Button.class, WidgetIds.RESTORE_PID_NAMESPACE));
        }
        Button terminal = byId(wizard, Button.class, WidgetIds.RESTORE_TERMINAL);
        assertTrue(terminal.isEnabled(), "a terminal emulator is found on the PATH (apt-get install xterm)");
        ui.click(terminal);
        ui.waitUntil("attached to a terminal chosen", SHORT, terminal::getSelection);
        Button keep = byId(wizard, Button.class, WidgetIds.RESTORE_OUTPUT_KEEP);
        assertTrue(keep.getSelection() && keep.isEnabled(), "its terminal fds go to the terminal window");
        finish(wizard);

        ProcessHandle root = ui.waitFor("the counter (pid " + pid + " in its namespace) in an xterm window", RESTORED,
                () -> inAnXtermWindow(pid));
        ui.waitUntil("the counter counting past " + atKill, RESTORED, () -> count() > atKill + 5);
        assertCountedOnFrom(atKill);
        assertOnTheWindowsTerminal(root);
        return root;
    }

    /** The log the counter appends to holds 1, 2, 3, ... without a gap or a restart, past the kill. */
    private void assertCountedOnFrom(long atKill) {
        long printed = count();
        ui.waitUntil("the log past " + printed, SHORT, () -> logged().size() > printed);
        List<Long> log = logged();
        assertEquals(LongStream.rangeClosed(1, log.size()).boxed().toList(), log,
                "counted on from " + atKill + ", not from 0");
    }

    private static void assertOnTheWindowsTerminal(ProcessHandle root) throws IOException {
        Stat stat = Stat.of(root.pid());
        assertNotEquals(0, stat.ttyNr(), "the restored counter has a controlling terminal");
        assertEquals(root.pid(), stat.pgrp(), "the root leads a process group of its own");
        assertEquals(root.pid(), stat.tpgid(), "the terminal's foreground job");
        // the session is the one xterm made for its child (sh -c ...): its terminal is the window's pty
        ProcessHandle leader = ProcessHandle.of(stat.session()).orElseThrow();
        assertTrue(leader.parent().map(p -> xtermWindows().contains(p)).orElse(false),
                "the session leader " + leader.pid() + " is an xterm window's child");
        Path pty = Files.readSymbolicLink(fd(stat.session(), 0));
        assertTrue(pty.toString().startsWith("/dev/pts/"), "the xterm's pty: " + pty);
        for (int fd = 0; fd <= 2; fd++) {
            assertEquals(pty, Files.readSymbolicLink(fd(root.pid(), fd)), "fd " + fd + " of the counter is the xterm's pty");
        }
    }

    private List<Long> logged() {
        try {
            // the line being written may be cut short: only whole lines count
            String text = Files.readString(counter.log());
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().map(Long::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count() {
        try {
            return counter.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fd(long pid, int fd) {
        return Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
    }

    /** @return the xterm windows on this display, as processes */
    private static List<ProcessHandle> xtermWindows() {
        return UiDriver.windowPids("xterm").stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
    }

    /** @return the process in an xterm window whose pid in its own namespace is pid */
    private static Optional<ProcessHandle> inAnXtermWindow(int pid) {
        return xtermWindows().stream().flatMap(ProcessHandle::descendants)
                .filter(p -> innermostPid(p) == pid).findFirst();
    }

    /** @return the last of NSpid in /proc/PID/status: its pid in its own namespace; -1 once gone */
    private static long innermostPid(ProcessHandle p) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            return lines.filter(l -> l.startsWith("NSpid:")).map(l -> l.substring(l.lastIndexOf('\t') + 1).strip())
                    .mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** The terminal windows (and what runs in them) that this test opened: none outlives it. */
    @AfterEach
    void closeTerminalWindows() throws Exception {
        if (counter != null) {
            counter.close(); // first: the restored tree, then the windows that held it
            counter = null; // closed: the base class must not kill its pid again, maybe another's by now
        }
        ProcessHandle.current().children().filter(p -> p.info().startInstant().map(t -> t.isAfter(started)).orElse(true))
                .toList().forEach(TerminalRestoreUiTest::killBottomUp);
    }

    /**
     * Kills p's children before p, each once its parent has reaped it: killed all at once, an
     * orphan would be left to init, which in a container may never reap it.
     */
    private static void killBottomUp(ProcessHandle p) {
        p.children().toList().forEach(TerminalRestoreUiTest::killBottomUp);
        p.destroyForcibly();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(Path.of("/proc", Long.toString(p.pid()))) && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The fields of /proc/PID/stat this test reads. */
    private record Stat(long pgrp, long session, int ttyNr, long tpgid) {

        static Stat of(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // after the command's closing parenthesis: state ppid pgrp session tty_nr tpgid
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Stat(Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]), Long.parseLong(f[5]));
        }
    }
}
