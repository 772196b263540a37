package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stasis.core.restore.PlatformCheck;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;

class PlatformCheckTest {

    @Test
    void sameKernelAndArchitectureIsGreen() {
        Scenario s = new Scenario();
        assertEquals(PreflightStatus.OK, new PlatformCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void anotherKernelIsYellowNamingBoth() {
        Scenario s = new Scenario();
        s.hostKernel = "6.12.0-1-amd64";
        PreflightItem item = new PlatformCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.WARNING, item.status());
        assertTrue(item.explanation().contains(Scenario.KERNEL) && item.explanation().contains("6.12.0-1-amd64"),
                item.explanation());
    }

    @Test
    void anotherArchitectureIsRed() {
        Scenario s = new Scenario();
        s.hostArch = "aarch64";
        s.hostKernel = "6.12.0-1-arm64"; // the architecture decides, not the kernel
        PreflightItem item = new PlatformCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.ERROR, item.status());
        assertTrue(item.explanation().contains("x86_64") && item.explanation().contains("aarch64"),
                item.explanation());
    }
}
