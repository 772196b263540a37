package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.restore.PidsCheck;
import org.stasis.core.restore.Preflight;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.image.proto.Process;

class PidsCheckTest {

    @TempDir
    Path proc;

    private Scenario scenario(int... pids) {
        Scenario s = new Scenario();
        s.procRoot = proc;
        for (int pid : pids) {
            s.image.addProcesses(Process.newBuilder().setPid(pid));
        }
        return s;
    }

    @Test
    void freePidsAreGreen() {
        Scenario s = scenario(4711, 4712);
        PreflightItem item = new PidsCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.OK, item.status(), item.explanation());
        assertTrue(item.explanation().contains("4711, 4712"), item.explanation());
        assertFalse(Preflight.run(s.candidate(), s.host()).pidNamespaceRequired());
    }

    @Test
    void aTakenPidIsYellowNamesItsHolderAndRequiresANamespace() throws Exception {
        Scenario s = scenario(4711, 4712).running(4712, 99, "vim notes.txt");
        Files.createDirectory(proc.resolve("4712"));
        PreflightItem item = new PidsCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.WARNING, item.status());
        assertTrue(item.explanation().contains("PID 4712 (vim notes.txt)"), item.explanation());
        assertTrue(item.explanation().contains("new PID namespace"), item.explanation());
        assertFalse(item.explanation().contains("4711"), "4711 is free: " + item.explanation());
        assertEquals(List.of(4712), PidsCheck.takenPids(s.candidate(), s.host()));
        assertTrue(Preflight.run(s.candidate(), s.host()).pidNamespaceRequired());
    }

    @Test
    void aPidHeldByAThreadIsTakenToo() throws Exception {
        Scenario s = scenario(4711); // no process lists it: /proc/4711 exists as another process's thread
        Files.createDirectory(proc.resolve("4711"));
        PreflightItem item = new PidsCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.WARNING, item.status());
        assertTrue(item.explanation().contains("PID 4711 (a thread)"), item.explanation());
    }

    @Test
    void onTheRealProcThisJvmsPidIsTaken() {
        Scenario s = new Scenario();
        int self = (int) ProcessHandle.current().pid();
        s.image.addProcesses(Process.newBuilder().setPid(self));
        assertEquals(PreflightStatus.WARNING, new PidsCheck().check(s.candidate(), s.host()).status());
    }
}
