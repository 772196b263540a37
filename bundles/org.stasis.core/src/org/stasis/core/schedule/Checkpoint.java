package org.stasis.core.schedule;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint that was written.
 *
 * @param image      the image file
 * @param imageBytes its size on disk
 * @param frozenMs   how long the tree was frozen
 * @param processes  how many processes it holds
 */
public record Checkpoint(Path image, long imageBytes, double frozenMs, int processes) {

    public Checkpoint {
        Objects.requireNonNull(image, "image"); //$NON-NLS-1$
    }
}
