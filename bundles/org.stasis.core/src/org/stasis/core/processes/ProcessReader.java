package org.stasis.core.processes;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stasis.core.internal.processes.ProcFormatException;
import org.stasis.core.internal.processes.StatLine;
import org.stasis.core.internal.processes.StatusFile;
import org.stasis.core.internal.processes.UserNames;

/**
 * Reads the live process list from a {@code /proc} tree.
 * <p>
 * The proc root and the passwd file are injectable so that tests run on recorded fixtures. Processes
 * come and go while we read: a pid whose files disappear (or come back truncated) between the
 * directory listing and the read is skipped; callers never see an exception for it.
 */
public final class ProcessReader {

    public static final Path DEFAULT_PROC = Path.of("/proc"); //$NON-NLS-1$
    public static final Path DEFAULT_PASSWD = Path.of("/etc/passwd"); //$NON-NLS-1$

    /**
     * USER_HZ: /proc reports times in these units. It is part of the kernel ABI and 100 on every
     * architecture Stasis supports, whatever CONFIG_HZ the kernel was built with.
     */
    static final long TICKS_PER_SECOND = 100;

    private static final double PERCENT = 100.0;

    private final Path procRoot;
    private final UserNames users;

    /** Reads the real {@code /proc} and {@code /etc/passwd}. */
    public ProcessReader() {
        this(DEFAULT_PROC, DEFAULT_PASSWD);
    }

    public ProcessReader(Path procRoot, Path passwd) {
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot"); //$NON-NLS-1$
        this.users = new UserNames(passwd);
    }

    public Path procRoot() {
        return procRoot;
    }

    /**
     * Reads every process.
     *
     * @param previous the previous snapshot, to compute CPU use over the time between the two
     * @return the processes readable right now
     * @throws IOException if the proc tree itself (its listing, {@code stat} or {@code uptime}) cannot
     *                     be read: then there is nothing sensible to show
     */
    public ProcessSnapshot read(Optional<ProcessSnapshot> previous) throws IOException {
        Objects.requireNonNull(previous, "previous"); //$NON-NLS-1$
        double uptime = readUptime();
        long bootEpochSeconds = readBootTime();
        List<ProcessInfo> processes = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(procRoot, ProcessReader::isPidDirectory)) {
            for (Path dir : pids) {
                readProcess(dir, bootEpochSeconds).map(p -> withCpu(p, previous, uptime)).ifPresent(processes::add);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return new ProcessSnapshot(processes, uptime, Instant.now());
    }

    private static boolean isPidDirectory(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private Optional<ProcessInfo> readProcess(Path dir, long bootEpochSeconds) {
        try {
            long pid = Long.parseLong(dir.getFileName().toString());
            StatLine stat = StatLine.parse(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8)); //$NON-NLS-1$
            StatusFile status = StatusFile.parse(Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8)); //$NON-NLS-1$
            String commandLine = commandLine(Files.readAllBytes(dir.resolve("cmdline")), stat); //$NON-NLS-1$
            Instant start = Instant.ofEpochSecond(bootEpochSeconds)
                    .plusMillis(stat.startTicks() * 1000 / TICKS_PER_SECOND);
            return Optional.of(new ProcessInfo(new ProcessKey(pid, stat.startTicks()), stat.ppid(), status.uid(),
                    users.name(status.uid()), stat.state(), stat.threads(), status.rssBytes(), stat.cpuTicks(),
                    OptionalDouble.empty(), start, stat.comm(), commandLine));
        } catch (IOException | ProcFormatException e) {
            // The process exited between listing and reading (ENOENT, ESRCH, or a truncated file):
            // it is simply not part of this snapshot.
            return Optional.empty();
        }
    }

    /** cmdline is NUL-separated; kernel threads and zombies have none and are shown as [comm]. */
    private static String commandLine(byte[] raw, StatLine stat) {
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return '[' + stat.comm() + ']';
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
    }

    private static ProcessInfo withCpu(ProcessInfo now, Optional<ProcessSnapshot> previous, double uptime) {
        return previous.flatMap(prev -> prev.get(now.key()).map(before -> {
            double elapsed = uptime - prev.uptimeSeconds();
            if (elapsed <= 0) {
                return OptionalDouble.empty();
            }
            double seconds = (double) (now.cpuTicks() - before.cpuTicks()) / TICKS_PER_SECOND;
            return OptionalDouble.of(Math.max(0, seconds / elapsed * PERCENT));
        })).map(now::withCpuPercent).orElse(now);
    }

    private double readUptime() throws IOException {
        String text = Files.readString(procRoot.resolve("uptime"), StandardCharsets.US_ASCII).trim(); //$NON-NLS-1$
        try {
            return Double.parseDouble(text.split("\\s+")[0]); //$NON-NLS-1$
        } catch (NumberFormatException e) {
            throw new IOException(procRoot.resolve("uptime") + ": unexpected content: " + text, e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private long readBootTime() throws IOException {
        Path stat = procRoot.resolve("stat"); //$NON-NLS-1$
        for (String line : Files.readAllLines(stat, StandardCharsets.US_ASCII)) {
            if (line.startsWith("btime ")) { //$NON-NLS-1$
                try {
                    return Long.parseLong(line.substring("btime ".length()).trim()); //$NON-NLS-1$
                } catch (NumberFormatException e) {
                    throw new IOException(stat + ": bad btime line: " + line, e); //$NON-NLS-1$
                }
            }
        }
        throw new IOException(stat + ": no btime line"); //$NON-NLS-1$
    }
}
