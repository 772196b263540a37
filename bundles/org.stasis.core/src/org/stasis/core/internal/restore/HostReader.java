package org.stasis.core.internal.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.StasisEngine;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.core.restore.HostState;

/** Reads the live host for the pre-flight checks: /proc, and `stasis check` for the privileges. */
@SuppressWarnings("nls") // file names and /proc keys
public final class HostReader {

    private static final Path PROC = ProcessReader.DEFAULT_PROC;

    private HostReader() {
    }

    public static HostState read(StasisEngine engine, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 3);
        ProcessSnapshot processes = new ProcessReader().read(Optional.empty());
        progress.split(1);
        String release = Files.readString(PROC.resolve("sys/kernel/osrelease"), StandardCharsets.US_ASCII).strip();
        OptionalLong available = memAvailable(Files.readAllLines(PROC.resolve("meminfo"), StandardCharsets.US_ASCII));
        progress.split(1);
        Optional<CheckReport> check;
        String error = "";
        try {
            check = Optional.of(engine.check());
        } catch (EngineException e) {
            check = Optional.empty();
            error = e.getMessage();
        }
        progress.split(1);
        return new HostState(PROC, processes, release, arch(System.getProperty("os.arch", "")), available, check,
                error);
    }

    /** "MemAvailable:   12345678 kB" in bytes; empty on kernels before 3.14, which lack the line. */
    public static OptionalLong memAvailable(Iterable<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemAvailable:")) {
                String[] words = line.substring("MemAvailable:".length()).strip().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(words[0]) * 1024);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The JVM's name of the architecture in the kernel's spelling ({@code uname -m}), as images record it. */
    public static String arch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }
}
