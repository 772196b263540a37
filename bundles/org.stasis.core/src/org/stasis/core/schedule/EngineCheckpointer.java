package org.stasis.core.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.DumpResult;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.StasisEngine;

/** The scheduler's checkpoints taken by the engine: {@code stasis dump PID -o IMAGE --json}, tree left running. */
public final class EngineCheckpointer implements Checkpointer {

    private final StasisEngine engine;

    public EngineCheckpointer(StasisEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine"); //$NON-NLS-1$
    }

    @Override
    public Checkpoint checkpoint(int pid, Path image) throws CheckpointException, InterruptedException {
        Thread caller = Thread.currentThread();
        // closing the scheduler interrupts its run threads: that cancels the engine cleanly (no image)
        EngineMonitor cancelOnInterrupt = new EngineMonitor() {
            @Override
            public boolean isCanceled() {
                return caller.isInterrupted();
            }
        };
        try {
            DumpResult result = engine.dump(new DumpRequest(pid, image, false), cancelOnInterrupt);
            return new Checkpoint(result.image(), Files.size(result.image()), result.frozenMillis(), result.processes());
        } catch (EngineException e) {
            if (e.isCanceled()) {
                throw new InterruptedException(e.getMessage());
            }
            throw new CheckpointException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("the engine reported " + image + " written, but it cannot be read: " //$NON-NLS-1$
                    + e.getMessage() + "; check the folder", e); //$NON-NLS-1$
        }
    }
}
