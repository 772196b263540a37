package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.engine.CheckReport.Probe;
import org.stasis.core.engine.EngineException;

class PrivilegeCheckTest {

    private static final CheckReport FINE = new CheckReport(true, List.of(new Probe("privileges", "ok", true, "running as root"),
            new Probe("sys_resource", "warn", false, "no CAP_SYS_RESOURCE")));

    @Test
    void checksOncePerHelperInTheBackground() throws Exception {
        List<Path> checked = new CopyOnWriteArrayList<>();
        PrivilegeCheck check = new PrivilegeCheck(helper -> {
            checked.add(helper);
            return FINE;
        });
        PrivilegeStatus first = check.status(Path.of("/opt/stasis/bin/../bin/stasis")).get(10, TimeUnit.SECONDS);
        assertSame(PrivilegeStatus.ALLOWED, first);
        assertSame(first, check.status(Path.of("/opt/stasis/bin/stasis")).get(10, TimeUnit.SECONDS));
        check.status(Path.of("/usr/local/bin/stasis")).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(Path.of("/opt/stasis/bin/stasis"), Path.of("/usr/local/bin/stasis")), checked);
    }

    @Test
    void aMissingPrivilegeSaysHowToGetIt() throws Exception {
        CheckReport report = new CheckReport(false, List.of(new Probe("privileges", "fail", true, "not running as root")));
        PrivilegeStatus s = new PrivilegeCheck(helper -> report).status(Path.of("/x/stasis")).get(10, TimeUnit.SECONDS);
        assertFalse(s.allowed());
        assertEquals("not running as root", s.problem());
        assertTrue(s.remedy().contains("sudo") && s.remedy().contains("CAP_CHECKPOINT_RESTORE")
                && s.remedy().contains("CAP_SYS_PTRACE"), s.remedy());
    }

    @Test
    void aMissingKernelFeatureIsNamed() throws Exception {
        CheckReport report = new CheckReport(false, List.of(new Probe("clone3_set_tid", "fail", true, "ENOSYS")));
        PrivilegeStatus s = new PrivilegeCheck(helper -> report).status(Path.of("/x/stasis")).get(10, TimeUnit.SECONDS);
        assertFalse(s.allowed());
        assertTrue(s.remedy().contains("clone3_set_tid"), s.remedy());
    }

    @Test
    void aHelperThatCannotRunBlocksWithItsError() throws Exception {
        PrivilegeStatus s = new PrivilegeCheck(helper -> {
            throw new EngineException("cannot run /x/stasis: No such file or directory", new java.io.IOException());
        }).status(Path.of("/x/stasis")).get(10, TimeUnit.SECONDS);
        assertFalse(s.allowed());
        assertTrue(s.problem().contains("cannot run /x/stasis: No such file or directory"), s.problem());
        assertTrue(s.remedy().contains("Preferences"), s.remedy());
    }

    @Test
    void theRealEngineAllowsRoot() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "the real check passes only as root: run as ./test.sh does");
        Path engine = Path.of(System.getProperty("stasis.engine"));
        assertSame(PrivilegeStatus.ALLOWED, new PrivilegeCheck().status(engine).get(30, TimeUnit.SECONDS));
    }
}
