package org.stasis.core.images;

import org.stasis.core.processes.ProcessFormat;
import org.stasis.image.proto.Process;

/** How a process of an image is named to people: the command line it was started with. */
public final class ProcessCommand {

    private ProcessCommand() {
    }

    /**
     * @return argv joined by spaces on one line, or the kernel's comm when the image has no argv
     *         (zombies, kernel threads)
     */
    public static String of(Process process) {
        String argv = ProcessFormat.oneLine(String.join(" ", process.getArgvList())); //$NON-NLS-1$
        return argv.isEmpty() ? process.getComm() : argv;
    }
}
