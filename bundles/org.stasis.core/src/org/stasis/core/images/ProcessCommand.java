package org.stasis.core.images;

import org.stasis.image.proto.Process;

/** How a process of an image is named to people: the command line it was started with. */
public final class ProcessCommand {

    private ProcessCommand() {
    }

    /** @return argv joined by spaces, or the kernel's comm when the image has no argv (zombies, kernel threads) */
    public static String of(Process process) {
        return process.getArgvCount() > 0 ? String.join(" ", process.getArgvList()) : process.getComm(); //$NON-NLS-1$
    }
}
