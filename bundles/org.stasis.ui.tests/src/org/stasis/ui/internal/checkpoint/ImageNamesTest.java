package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;

class ImageNamesTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 22, 10, 30, 15);

    private static ProcessInfo process(String name, String commandLine) {
        return new ProcessInfo(new ProcessKey(4711, 1), 1, 0, "root", 'S', 1, 0, 0, OptionalDouble.empty(),
                Instant.EPOCH, name, commandLine);
    }

    @Test
    void programAndTime() {
        assertEquals("python3-20261122-103015.stasis",
                ImageNames.of(process("python3", "/usr/bin/python3 -c print(1)"), TIME));
    }

    @Test
    void kernelThreadsAndZombiesUseTheirShortName() {
        assertEquals("kworker_0_1-20261122-103015.stasis", ImageNames.of(process("kworker/0:1", "[kworker/0:1]"), TIME));
    }

    @Test
    void unsafeCharactersBecomeUnderscores() {
        assertEquals("my_sim_-20261122-103015.stasis", ImageNames.of(process("sim", "./my\tsim\u00e9 --x"), TIME));
        assertEquals("hidden-20261122-103015.stasis", ImageNames.of(process("x", "/opt/..hidden"), TIME));
        assertEquals("process-20261122-103015.stasis", ImageNames.of(process("", "/"), TIME));
    }
}
