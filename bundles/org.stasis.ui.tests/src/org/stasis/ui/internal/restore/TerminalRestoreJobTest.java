package org.stasis.ui.internal.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.restore.TerminalEmulator;

/**
 * The terminal restore job with stand-in emulators: one that cannot open its window must be
 * reported with what it said, one that opened it must not.
 */
class TerminalRestoreJobTest {

    @TempDir
    Path dir;
    private final List<String> failures = new ArrayList<>();
    private int started;

    @Test
    void anEmulatorThatEndsAtOnceIsReportedWithItsWords() throws IOException {
        TerminalEmulator broken = emulator("echo \"xterm: Xt error: Can't open display: :42\" >&2; exit 1");
        job(broken).run(new NullProgressMonitor());
        assertEquals(0, started, "nothing was restored");
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("status 1") && failures.get(0).contains("Can't open display: :42"),
                failures.get(0));
    }

    @Test
    void anEmulatorThatKeepsItsWindowIsStarted() throws IOException {
        // as a window would: it stays until the user closes it (here: until the test kills it)
        Path pidFile = dir.resolve("pid");
        TerminalEmulator window = emulator("echo $$ > " + pidFile + "; exec sleep 60");
        job(window).run(new NullProgressMonitor());
        try {
            assertEquals(List.of(), failures);
            assertEquals(1, started);
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private TerminalRestoreJob job(TerminalEmulator emulator) {
        return new TerminalRestoreJob(emulator, Path.of("/usr/bin/stasis"), new RestoreRequest(dir.resolve("x.stasis"), false),
                () -> started++, failures::add);
    }

    /** A script standing in for xterm: it ignores the -e command and runs body. */
    private TerminalEmulator emulator(String body) throws IOException {
        Path script = dir.resolve("fake-xterm-" + failures.size() + started);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new TerminalEmulator(script);
    }
}
