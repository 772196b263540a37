package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.stasis.core.internal.processes.ProcFormatException;
import org.stasis.core.internal.processes.StatLine;

/**
 * A process that cannot be confused with a later one of the same pid: pid plus its start time in
 * clock ticks since boot (field 22 of /proc/PID/stat).
 */
@SuppressWarnings("nls") // file syntax
public record ProcessIdentity(long pid, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** @return this JVM's process */
    public static ProcessIdentity current() {
        long pid = ProcessHandle.current().pid();
        return of(pid).orElseThrow(() -> new IllegalStateException("cannot read /proc/" + pid + "/stat of this very process"));
    }

    /** @return the process running now under pid, if any */
    public static Optional<ProcessIdentity> of(long pid) {
        return stat(pid).map(stat -> new ProcessIdentity(pid, stat.startTicks()));
    }

    private static Optional<StatLine> stat(long pid) {
        try {
            return Optional.of(StatLine.parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8)));
        } catch (IOException | ProcFormatException e) {
            return Optional.empty(); // gone, or exiting while we read
        }
    }

    /** @return the identity at the start of text "PID START-TICKS [...]"; empty when text is not of that form */
    public static Optional<ProcessIdentity> parse(String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            return parts.length >= 2 ? Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String format() {
        return pid + " " + startTicks;
    }

    /** @return true while this very process runs (a zombie counts as gone: it will never fire anything) */
    public boolean isAlive() {
        return stat(pid).filter(stat -> stat.startTicks() == startTicks && stat.state() != 'Z').isPresent();
    }
}
