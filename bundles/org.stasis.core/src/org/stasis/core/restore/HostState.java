package org.stasis.core.restore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.stasis.core.engine.CheckReport;
import org.stasis.core.processes.ProcessSnapshot;

/**
 * What the pre-flight checks know of the host the image would be restored on, read once before
 * they run (see {@link Preflight#readHost}).
 *
 * @param procRoot the /proc to look up pids in (a thread's id takes a pid too, and only /proc/TID shows it)
 * @param processes the processes running now
 * @param kernelRelease {@code uname -r} here
 * @param arch {@code uname -m} here ("x86_64", "aarch64")
 * @param memAvailable MemAvailable of /proc/meminfo in bytes; empty when the kernel does not say
 * @param engineCheck what {@code stasis check} found; empty when the engine could not run
 * @param engineError why the engine could not run; empty when it did
 */
public record HostState(Path procRoot, ProcessSnapshot processes, String kernelRelease, String arch,
        OptionalLong memAvailable, Optional<CheckReport> engineCheck, String engineError) {

    public HostState {
        Objects.requireNonNull(procRoot, "procRoot"); //$NON-NLS-1$
        Objects.requireNonNull(processes, "processes"); //$NON-NLS-1$
        Objects.requireNonNull(kernelRelease, "kernelRelease"); //$NON-NLS-1$
        Objects.requireNonNull(arch, "arch"); //$NON-NLS-1$
        Objects.requireNonNull(memAvailable, "memAvailable"); //$NON-NLS-1$
        Objects.requireNonNull(engineCheck, "engineCheck"); //$NON-NLS-1$
        Objects.requireNonNull(engineError, "engineError"); //$NON-NLS-1$
    }
}
