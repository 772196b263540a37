package org.stasis.ui.internal.checkpoint;

import java.util.Objects;

import org.stasis.core.engine.DumpResult;

/** How a checkpoint ended: what the UI tells the user afterwards. */
public sealed interface CheckpointOutcome {

    /**
     * The image is complete on disk.
     *
     * @param result the engine's report
     * @param fileBytes the size of the image file
     */
    record Written(DumpResult result, long fileBytes) implements CheckpointOutcome {
        public Written {
            Objects.requireNonNull(result, "result"); //$NON-NLS-1$
        }
    }

    /**
     * The engine refused or failed; the tree runs on and no image was left.
     *
     * @param message the engine's own text: pid, resource and what to do
     */
    record Failed(String message) implements CheckpointOutcome {
        public Failed {
            Objects.requireNonNull(message, "message"); //$NON-NLS-1$
        }
    }

    /** The user canceled: the tree was resumed untouched and no image was left. */
    record Canceled() implements CheckpointOutcome {
    }
}
