package org.stasis.core.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.host.Executables;

/**
 * A terminal emulator to restore a terminal job in: the workbench has no terminal to give, so
 * `stasis restore --shell-job` runs inside a new terminal window, which the tree then lives on.
 *
 * @param executable the emulator
 */
@SuppressWarnings("nls") // program names and shell words
public record TerminalEmulator(Path executable) {

    /** Debian's chosen emulator first, then the one every X installation can have. */
    public static final List<String> CANDIDATES = List.of("x-terminal-emulator", "xterm");

    /**
     * Kept open after the restore ends: the user must be able to read why it failed, or the job's
     * last words. $0 is the helper, $@ its arguments.
     */
    static final String SCRIPT = "\"$0\" \"$@\"; status=$?; echo; echo \"stasis restore ended (status $status)."
            + " Press Enter to close.\"; read -r _";

    public TerminalEmulator {
        Objects.requireNonNull(executable, "executable");
    }

    /** @return the first candidate on the PATH of this process, if any */
    public static Optional<TerminalEmulator> find() {
        return find(Objects.toString(System.getenv("PATH"), ""));
    }

    /** @return the first candidate in the directories of path (a PATH value) */
    public static Optional<TerminalEmulator> find(String path) {
        return CANDIDATES.stream().flatMap(name -> Executables.onPath(name, path).stream()).findFirst()
                .map(TerminalEmulator::new);
    }

    /**
     * @return the command that opens a terminal window running `helper restore IMAGE --shell-job`
     *         (both x-terminal-emulator and xterm take -e PROGRAM ARGS...)
     */
    public List<String> command(Path helper, RestoreRequest request) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-e", "sh", "-c", SCRIPT,
                helper.toString(), "restore", request.image().toString(), "--shell-job"));
        if (request.pidNamespace()) {
            command.add("--pid-ns");
        }
        return command;
    }
}
