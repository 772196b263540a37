package org.stasis.core.tests.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.stasis.core.schedule.Checkpoint;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.core.schedule.Checkpointer;

/**
 * Writes a small image file and reports it as {@link #imageBytes} bytes (so tests can pretend large
 * images without filling the disk); can block (to test overlap) or fail like the engine.
 */
final class FakeCheckpointer implements Checkpointer {

    final List<Path> images = new CopyOnWriteArrayList<>();
    volatile int imageBytes = 4096;
    volatile String failure;
    volatile CountDownLatch started = new CountDownLatch(1);
    volatile CountDownLatch release;

    @Override
    public Checkpoint checkpoint(int pid, Path image) throws CheckpointException, InterruptedException {
        started.countDown();
        if (release != null) {
            release.await();
        }
        if (failure != null) {
            throw new CheckpointException(failure);
        }
        try {
            Files.write(image, new byte[16]);
        } catch (IOException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        images.add(image);
        return new Checkpoint(image, imageBytes, 12.5, 1);
    }
}
