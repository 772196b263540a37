package org.stasis.core.schedule;

import java.nio.file.Path;

/**
 * Takes one checkpoint for the scheduler. The product binds it to the engine ({@code stasis dump});
 * tests use fakes.
 */
@FunctionalInterface
public interface Checkpointer {

    /**
     * Checkpoints the tree rooted at pid into image, leaving it running. A failed or interrupted
     * checkpoint leaves no partial image (the engine writes atomically).
     *
     * @throws CheckpointException  with the engine's message when the checkpoint failed
     * @throws InterruptedException when the scheduler is closing; the checkpoint was cancelled
     */
    Checkpoint checkpoint(int pid, Path image) throws CheckpointException, InterruptedException;
}
