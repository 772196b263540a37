package org.stasis.core.restore;

import java.util.OptionalLong;

import org.stasis.core.processes.ProcessFormat;

/**
 * Memory: the restore fills every stored page into memory at once. More than is available now
 * would push the machine into swap or the OOM killer (red); more than most of it leaves little for
 * everything else (yellow).
 */
@SuppressWarnings("nls")
public final class MemoryCheck implements PreflightCheck {

    static final String TITLE = "Memory";

    /** Above this share of MemAvailable the restore leaves the rest of the machine short. */
    static final double TIGHT = 0.75;

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        long needed = image.pagesBytes();
        OptionalLong available = host.memAvailable();
        if (available.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.WARNING, "The image stores "
                    + ProcessFormat.bytes(needed) + " of memory; this kernel does not say how much is available.");
        }
        long free = available.getAsLong();
        String numbers = "The image stores " + ProcessFormat.bytes(needed) + " of memory; "
                + ProcessFormat.bytes(free) + " is available here";
        if (needed > free) {
            return new PreflightItem(TITLE, PreflightStatus.ERROR,
                    numbers + ". Free memory (stop other programs) or restore on a larger machine.");
        }
        if (needed > free * TIGHT) {
            return new PreflightItem(TITLE, PreflightStatus.WARNING,
                    numbers + ": the restore leaves little for everything else.");
        }
        return new PreflightItem(TITLE, PreflightStatus.OK, numbers + ".");
    }
}
