package org.stasis.core.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.stasis.core.engine.StasisEngine;
import org.stasis.core.internal.restore.HostReader;

/**
 * The pre-flight check of a restore: reads the image's metadata and this host, then asks every
 * check. Nothing is changed anywhere; it can run as often as the user likes.
 */
public final class Preflight {

    /** The checks, in the order the user reads them: what blocks everything first. */
    public static final List<PreflightCheck> CHECKS = List.of(new PrivilegeCheck(), new PlatformCheck(),
            new PidsCheck(), new OriginalTreeCheck(), new FilesCheck(), new MemoryCheck());

    private Preflight() {
    }

    /** Asks every check about an image and a host already read. */
    public static PreflightReport run(RestoreCandidate image, HostState host) {
        Objects.requireNonNull(image, "image"); //$NON-NLS-1$
        Objects.requireNonNull(host, "host"); //$NON-NLS-1$
        List<PreflightItem> items = CHECKS.stream().map(c -> c.check(image, host)).toList();
        return new PreflightReport(items, !PidsCheck.takenPids(image, host).isEmpty());
    }

    /**
     * Reads the image and this host (running `stasis check` through engine), then runs every check.
     * Blocking: call it from a Job.
     *
     * @throws IOException the image cannot be read or is not valid (the message says why), or /proc cannot be read
     * @throws org.eclipse.core.runtime.OperationCanceledException the monitor was canceled
     */
    public static PreflightReport run(Path image, StasisEngine engine, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        RestoreCandidate candidate = RestoreCandidate.read(image);
        progress.split(3);
        HostState host = readHost(engine, progress.split(6));
        PreflightReport report = run(candidate, host);
        progress.split(1);
        return report;
    }

    /** Reads what the checks need to know of this machine, through engine for the privileges. */
    public static HostState readHost(StasisEngine engine, IProgressMonitor monitor) throws IOException {
        return HostReader.read(Objects.requireNonNull(engine, "engine"), monitor); //$NON-NLS-1$
    }
}
