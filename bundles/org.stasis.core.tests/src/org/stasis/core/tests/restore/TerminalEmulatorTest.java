package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.restore.TerminalEmulator;

class TerminalEmulatorTest {

    @TempDir
    Path dir;

    private Path program(Path where, String name, boolean executable) throws Exception {
        Files.createDirectories(where);
        return Files.createFile(where.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--")));
    }

    @Test
    void theDebianAlternativeComesBeforeXterm() throws Exception {
        program(dir.resolve("a"), "xterm", true);
        Path preferred = program(dir.resolve("b"), "x-terminal-emulator", true);
        assertEquals(Optional.of(new TerminalEmulator(preferred)),
                TerminalEmulator.find(dir.resolve("a") + ":" + dir.resolve("b")));
    }

    @Test
    void noEmulatorOnThePathIsNone() throws Exception {
        program(dir, "xterm", false); // not executable
        assertEquals(Optional.empty(), TerminalEmulator.find(dir + "::" + dir.resolve("missing")));
    }

    @Test
    void theCommandRunsAShellJobRestore() {
        TerminalEmulator xterm = new TerminalEmulator(Path.of("/usr/bin/xterm"));
        List<String> command = xterm.command(Path.of("/opt/stasis/stasis"),
                new RestoreRequest(Path.of("/img/a.stasis"), true));
        assertEquals(List.of("/usr/bin/xterm", "-e", "sh", "-c"), command.subList(0, 4));
        assertEquals(List.of("/opt/stasis/stasis", "restore", "/img/a.stasis", "--shell-job", "--pid-ns"),
                command.subList(5, command.size()));
        assertTrue(command.get(4).contains("read"), "the window stays open to be read: " + command.get(4));
    }
}
