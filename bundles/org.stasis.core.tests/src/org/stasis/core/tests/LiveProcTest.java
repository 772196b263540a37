package org.stasis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessMonitor;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.core.processes.ProcessTree;

/** ProcessReader and ProcessMonitor on the real /proc of the machine running the tests. */
class LiveProcTest {

    @Test
    void seesAChildWithItsParentAndCommandLineAndSeesItGo() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessReader reader = new ProcessReader();
            ProcessSnapshot s = reader.read(Optional.empty());
            ProcessInfo child = s.byPid(sleep.pid()).orElseThrow(() -> new AssertionError("sleep not in /proc"));
            assertEquals(ProcessHandle.current().pid(), child.ppid());
            assertEquals("sleep 30", child.commandLine());
            assertEquals("sleep", child.name());
            assertEquals(System.getProperty("user.name"), child.user());
            assertTrue(child.rssBytes() > 0, "a running process has resident memory");
            // the child is in the tree under this JVM
            ProcessTree tree = ProcessTree.of(s);
            assertEquals(Optional.of(s.byPid(ProcessHandle.current().pid()).orElseThrow().key()),
                    tree.parent(child.key()));

            sleep.destroyForcibly();
            assertTrue(sleep.waitFor(10, TimeUnit.SECONDS));
            // waitFor returns once the JVM reaped the child: its pid directory is gone
            ProcessSnapshot after = reader.read(Optional.of(s));
            assertFalse(after.get(child.key()).isPresent(), "killed child still listed");
            assertTrue(after.byPid(ProcessHandle.current().pid()).isPresent());
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void monitorDeliversSnapshotsWithCpuFiguresOffTheCallerThread() throws InterruptedException {
        List<ProcessSnapshot> snapshots = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (ProcessMonitor monitor = new ProcessMonitor(new ProcessReader(), Duration.ofMillis(200))) {
            monitor.addListener(new ProcessMonitor.Listener() {
                @Override
                public void updated(ProcessSnapshot snapshot) {
                    snapshots.add(snapshot);
                    threads.add(Thread.currentThread());
                    two.countDown();
                }

                @Override
                public void failed(IOException error) {
                    throw new AssertionError(error);
                }
            });
            assertTrue(two.await(10, TimeUnit.SECONDS), "two snapshots within 10 s");
            ProcessInfo self = snapshots.get(1).byPid(ProcessHandle.current().pid()).orElseThrow();
            assertTrue(self.cpuPercent().isPresent(), "second snapshot carries CPU use");
            assertTrue(threads.stream().noneMatch(t -> t == Thread.currentThread()));
            assertTrue(monitor.latest().isPresent());
        }
    }

    @Test
    void monitorReportsAnUnreadableProcTree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws InterruptedException {
        List<IOException> errors = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        try (ProcessMonitor monitor = new ProcessMonitor(new ProcessReader(tmp.resolve("nothing"), tmp.resolve("pw")),
                Duration.ofMillis(100))) {
            monitor.addListener(new ProcessMonitor.Listener() {
                @Override
                public void updated(ProcessSnapshot snapshot) {
                    throw new AssertionError("no snapshot expected from an empty directory");
                }

                @Override
                public void failed(IOException error) {
                    errors.add(error);
                    failed.countDown();
                }
            });
            assertTrue(failed.await(10, TimeUnit.SECONDS));
            assertFalse(monitor.latest().isPresent());
        }
    }
}
