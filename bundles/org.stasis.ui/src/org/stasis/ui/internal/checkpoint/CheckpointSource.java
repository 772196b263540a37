package org.stasis.ui.internal.checkpoint;

/**
 * A part that can checkpoint what is selected in it: the application's Checkpoint command (menu item
 * and key binding) asks the active part through this.
 */
public interface CheckpointSource {

    /** @return exactly one process is selected */
    boolean canCheckpointSelection();

    /** Opens the checkpoint dialog for the selected process. */
    void checkpointSelection();
}
