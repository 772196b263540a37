package org.stasis.core.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to checkpoint: a process and all its descendants, into one image file.
 *
 * @param pid the root of the tree
 * @param image the file to write; an existing file is only replaced by a complete new image
 * @param kill stop the tree after the checkpoint instead of letting it run on
 */
public record DumpRequest(int pid, Path image, boolean kill) {

    public DumpRequest {
        Objects.requireNonNull(image, "image"); //$NON-NLS-1$
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid); //$NON-NLS-1$
        }
    }
}
