package org.stasis.core.restore;

import org.stasis.image.ImageHeader;

/**
 * Kernel and architecture: another architecture cannot run the image's code at all (red); another
 * kernel release usually can, but what the kernel offers may differ (yellow).
 */
@SuppressWarnings("nls")
public final class PlatformCheck implements PreflightCheck {

    static final String TITLE = "Kernel and architecture";

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        ImageHeader h = image.header();
        if (!h.arch().equals(host.arch())) {
            return new PreflightItem(TITLE, PreflightStatus.ERROR, "The image was made on " + h.arch()
                    + " (host " + h.hostname() + "); this machine is " + host.arch()
                    + ": its processes' code cannot run here. Restore it on a " + h.arch() + " machine.");
        }
        if (!h.kernelRelease().equals(host.kernelRelease())) {
            return new PreflightItem(TITLE, PreflightStatus.WARNING, "The image was made under Linux "
                    + h.kernelRelease() + " (host " + h.hostname() + "); this machine runs " + host.kernelRelease()
                    + ". Restores across kernels usually work, but the vDSO and what the kernel offers may differ.");
        }
        return new PreflightItem(TITLE, PreflightStatus.OK,
                "Same as when the image was made: Linux " + host.kernelRelease() + " on " + host.arch() + ".");
    }
}
