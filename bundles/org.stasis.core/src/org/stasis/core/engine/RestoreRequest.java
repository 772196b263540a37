package org.stasis.core.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to restore and how.
 *
 * @param image the image file
 * @param pidNamespace restore into a new PID namespace even when the original pids are free here
 * @param terminalTo where fds that were a terminal go (appended to; /dev/null drops them); empty
 *            keeps them as in the image, which only works for images without terminal fds, since a
 *            detached restore has no terminal to give (`stasis restore --terminal-to`)
 */
public record RestoreRequest(Path image, boolean pidNamespace, Optional<Path> terminalTo) {

    public RestoreRequest {
        Objects.requireNonNull(image, "image"); //$NON-NLS-1$
        Objects.requireNonNull(terminalTo, "terminalTo"); //$NON-NLS-1$
    }

    /** Terminal fds kept as in the image. */
    public RestoreRequest(Path image, boolean pidNamespace) {
        this(image, pidNamespace, Optional.empty());
    }
}
