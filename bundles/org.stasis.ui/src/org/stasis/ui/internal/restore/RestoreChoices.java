package org.stasis.ui.internal.restore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.restore.PreflightReport;

/**
 * What the wizard's pages decided, shared by them: the image, what the pre-flight check found, and
 * the options. Used on the UI thread only.
 */
final class RestoreChoices {

    static final Path DEV_NULL = Path.of("/dev/null"); //$NON-NLS-1$

    Path image;
    /** The pre-flight report of {@link #image}; empty until the check has run. */
    Optional<PreflightReport> report = Optional.empty();
    /** "PID 4711 fd 1 (/dev/pts/3)" for each fd of the image that was a terminal. */
    List<String> terminalFds = List.of();
    boolean pidNamespace;
    boolean attachToTerminal;
    OutputTarget output = OutputTarget.FILE;
    Path outputFile;
    /** The pid the tree's root had when it was checkpointed. */
    int rootPid;

    /** @return the pre-flight check has run on the image and found nothing red */
    boolean preflightPassed() {
        return report.isPresent() && !report.get().blocksRestore();
    }

    /** @return the PID namespace is not a choice: an original pid is taken */
    boolean pidNamespaceForced() {
        return report.map(PreflightReport::pidNamespaceRequired).orElse(false);
    }

    /** @return the engine's request for a detached restore */
    RestoreRequest request() {
        Optional<Path> terminalTo = terminalFds.isEmpty() || attachToTerminal ? Optional.empty()
                : Optional.of(output == OutputTarget.DEV_NULL ? DEV_NULL : outputFile);
        return new RestoreRequest(image, pidNamespace || pidNamespaceForced(), terminalTo);
    }

    /** A log next to the image, named after it: where its output is easy to find. */
    static Path defaultOutputFile(Path image) {
        String name = image.getFileName().toString().replaceFirst("\\.stasis$", ""); //$NON-NLS-1$ //$NON-NLS-2$
        return image.resolveSibling(name + ".log"); //$NON-NLS-1$
    }
}
