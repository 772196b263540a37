package org.stasis.core.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore and how.
 *
 * @param image the image file
 * @param pidNamespace restore into a new PID namespace even when the original pids are free here
 */
public record RestoreRequest(Path image, boolean pidNamespace) {

    public RestoreRequest {
        Objects.requireNonNull(image, "image"); //$NON-NLS-1$
    }
}
