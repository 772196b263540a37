package org.stasis.ui.internal.checkpoints;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the Checkpoints view: an image file and what its header and metadata say, or why they
 * could not be read.
 *
 * @param file the image
 * @param size bytes on disk
 * @param modified when the file last changed: an entry is read again when this or the size changes
 * @param summary what the image holds; empty when it could not be read
 * @param error why it could not be read (the reader's message); empty when it could
 */
record CheckpointEntry(Path file, long size, FileTime modified, Optional<Summary> summary, String error) {

    /**
     * @param imageId the header's image id
     * @param parentId the image this one is an increment of; empty for a full checkpoint
     * @param created when the checkpoint was made
     * @param rootPid the root's pid when it was made
     * @param command the root's command line
     * @param processes processes in the tree
     */
    record Summary(String imageId, Optional<String> parentId, Instant created, int rootPid, String command,
            int processes) {
    }

    CheckpointEntry {
        Objects.requireNonNull(file, "file"); //$NON-NLS-1$
        Objects.requireNonNull(modified, "modified"); //$NON-NLS-1$
        Objects.requireNonNull(summary, "summary"); //$NON-NLS-1$
        Objects.requireNonNull(error, "error"); //$NON-NLS-1$
    }

    /** @return the same file, same size and time: no need to read it again */
    boolean isCurrent(long currentSize, FileTime currentModified) {
        return size == currentSize && modified.equals(currentModified);
    }
}
