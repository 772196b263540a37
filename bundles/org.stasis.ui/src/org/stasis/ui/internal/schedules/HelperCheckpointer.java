package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.stasis.core.schedule.Checkpoint;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.core.schedule.Checkpointer;
import org.stasis.core.schedule.EngineCheckpointer;
import org.stasis.ui.internal.preferences.StasisPreferences;

/**
 * The workbench's checkpoints for schedules: the engine of the helper chosen in the preferences at
 * the time of each run, so that changing the helper needs no restart and a missing helper fails
 * runs (recorded with the reason) instead of the scheduler.
 */
final class HelperCheckpointer implements Checkpointer {

    private final StasisPreferences preferences;

    HelperCheckpointer(StasisPreferences preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences"); //$NON-NLS-1$
    }

    @Override
    public Checkpoint checkpoint(int pid, Path image) throws CheckpointException, InterruptedException {
        try {
            return new EngineCheckpointer(preferences.engine()).checkpoint(pid, image);
        } catch (IOException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }
}
