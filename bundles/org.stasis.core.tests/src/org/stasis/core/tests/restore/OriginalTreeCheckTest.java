package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stasis.core.restore.OriginalTreeCheck;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.ProcessState;

class OriginalTreeCheckTest {

    private static Scenario counterImage() {
        Scenario s = new Scenario();
        s.image.addProcesses(Process.newBuilder().setPid(4711).setStartTimeTicks(5000).addArgv("python3")
                .addArgv("counter.py"));
        return s;
    }

    @Test
    void aTreeThatNoLongerRunsIsGreen() {
        Scenario s = counterImage();
        assertEquals(PreflightStatus.OK, new OriginalTreeCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void theSameProcessStillRunningIsYellow() {
        Scenario s = counterImage().running(4711, 5000, "python3 counter.py");
        PreflightItem item = new OriginalTreeCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.WARNING, item.status());
        assertTrue(item.explanation().contains("PID 4711 (python3 counter.py)"), item.explanation());
        assertTrue(item.explanation().contains("second copy"), item.explanation());
    }

    @Test
    void anotherProcessReusingThePidIsNotTheOriginal() {
        Scenario s = counterImage().running(4711, 9999, "bash");
        assertEquals(PreflightStatus.OK, new OriginalTreeCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void aZombieOfTheImageIsNotARunningOriginal() {
        Scenario s = new Scenario();
        s.image.addProcesses(Process.newBuilder().setPid(4712).setStartTimeTicks(10)
                .setState(ProcessState.PROCESS_ZOMBIE));
        s.running(4712, 10, "[sleep]");
        assertEquals(PreflightStatus.OK, new OriginalTreeCheck().check(s.candidate(), s.host()).status());
    }
}
