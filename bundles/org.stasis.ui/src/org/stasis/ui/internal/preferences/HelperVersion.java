package org.stasis.ui.internal.preferences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;

/**
 * What `stasis --version` says: proves that a helper really is a working Stasis engine (not just any
 * executable) and tells which release runs the checkpoints. Blocks: call it from a Job.
 */
public final class HelperVersion {

    private static final long TIMEOUT_SECONDS = 5;

    private HelperVersion() {
    }

    /** @return the first line of `helper --version`, e.g. "stasis 0.1.0" */
    public static String of(Path helper) throws IOException {
        Process process = new ProcessBuilder(helper.toString(), "--version").redirectErrorStream(true).start(); //$NON-NLS-1$
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(NLS.bind(Messages.Version_Timeout, helper, TIMEOUT_SECONDS));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String first = output.lines().findFirst().orElse(""); //$NON-NLS-1$
        if (process.exitValue() != 0 || !first.startsWith("stasis ")) { //$NON-NLS-1$
            throw new IOException(NLS.bind(Messages.Version_NotStasis, helper, output.isEmpty()
                    ? Messages.Version_NoOutput : first));
        }
        return first;
    }
}
