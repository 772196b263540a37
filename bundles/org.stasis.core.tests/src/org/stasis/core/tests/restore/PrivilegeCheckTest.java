package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.core.restore.PrivilegeCheck;

class PrivilegeCheckTest {

    @Test
    void anEngineWithItsPrivilegesIsGreen() {
        Scenario s = new Scenario();
        assertEquals(PreflightStatus.OK, new PrivilegeCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void aFailedRequiredProbeIsRedWithTheEnginesWordsAndHowToGetIt() {
        Scenario s = new Scenario();
        s.engineCheck = Optional.of(new CheckReport(false,
                List.of(new CheckReport.Probe("userfaultfd", "warn", false, "not available"),
                        new CheckReport.Probe("privileges", "fail", true, "uid 1000 lacks CAP_SYS_PTRACE"))));
        PreflightItem item = new PrivilegeCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.ERROR, item.status());
        assertTrue(item.explanation().contains("uid 1000 lacks CAP_SYS_PTRACE"), item.explanation());
        assertTrue(item.explanation().contains("setcap"), "says how to get it: " + item.explanation());
    }

    @Test
    void anOptionalProbeThatFailedDoesNotBlock() {
        Scenario s = new Scenario();
        s.engineCheck = Optional.of(new CheckReport(true,
                List.of(new CheckReport.Probe("userfaultfd", "fail", false, "not available"))));
        assertEquals(PreflightStatus.OK, new PrivilegeCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void anEngineThatCannotRunIsRedWithItsError() {
        Scenario s = new Scenario();
        s.engineCheck = Optional.empty();
        s.engineError = "the stasis helper /opt/stasis is missing; set it in the preferences";
        PreflightItem item = new PrivilegeCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.ERROR, item.status());
        assertTrue(item.explanation().contains(s.engineError), item.explanation());
    }
}
