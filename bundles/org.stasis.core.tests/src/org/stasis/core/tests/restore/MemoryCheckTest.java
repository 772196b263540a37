package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.stasis.core.internal.restore.HostReader;
import org.stasis.core.restore.MemoryCheck;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;

class MemoryCheckTest {

    private static PreflightStatus status(long pages, long available) {
        Scenario s = new Scenario();
        s.pagesBytes = pages;
        s.memAvailable = OptionalLong.of(available);
        return new MemoryCheck().check(s.candidate(), s.host()).status();
    }

    @Test
    void plentyIsGreenTightIsYellowTooLittleIsRed() {
        assertEquals(PreflightStatus.OK, status(1 << 20, 1L << 30));
        assertEquals(PreflightStatus.WARNING, status(900L << 20, 1L << 30));
        assertEquals(PreflightStatus.ERROR, status(2L << 30, 1L << 30));
    }

    @Test
    void theExplanationGivesBothAmounts() {
        Scenario s = new Scenario();
        s.pagesBytes = 2L << 30;
        s.memAvailable = OptionalLong.of(1L << 30);
        PreflightItem item = new MemoryCheck().check(s.candidate(), s.host());
        assertTrue(item.explanation().contains("2.0 GiB") && item.explanation().contains("1.0 GiB"),
                item.explanation());
    }

    @Test
    void unknownAvailabilityIsYellow() {
        Scenario s = new Scenario();
        s.memAvailable = OptionalLong.empty();
        assertEquals(PreflightStatus.WARNING, new MemoryCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void memAvailableIsReadFromMeminfoInBytes() {
        assertEquals(OptionalLong.of(22016872L * 1024), HostReader.memAvailable(
                List.of("MemTotal:       24684084 kB", "MemFree:        20106184 kB", "MemAvailable:   22016872 kB")));
        assertEquals(OptionalLong.empty(), HostReader.memAvailable(List.of("MemTotal:       24684084 kB")));
    }
}
