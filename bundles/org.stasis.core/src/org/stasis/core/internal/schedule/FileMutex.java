package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on a file across processes (a POSIX record lock on FILE.write-lock) and across
 * schedulers of one JVM (a record lock is per process, so a JVM-wide lock per path is taken first).
 * Guards read-change-write of the schedules file by the workbench and the service.
 */
final class FileMutex {

    /** Work done while the mutex is held. */
    @FunctionalInterface
    interface Guarded<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;

    FileMutex(Path file) {
        Path absolute = file.toAbsolutePath();
        this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".write-lock"); //$NON-NLS-1$
    }

    <T> T with(Guarded<T> work) throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return work.run();
        } finally {
            local.unlock();
        }
    }
}
