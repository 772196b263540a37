package org.stasis.core.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.stasis.core.internal.schedule.ProcessIdentity;

/**
 * Who fires the schedules of a file: the process named in {@code FILE.lock} beside it. The workbench
 * and the headless service both open the schedules; only the lock's owner fires them, so a schedule
 * never runs twice.
 * <p>
 * The lock file holds "PID START-TICKS TOKEN": the start time tells a live owner from a new process
 * that got a dead owner's pid, the token one lock object from another in the same process. A lock whose process is gone is stale and taken over. Creating the file
 * is atomic (a hard link of a complete temporary file), and a takeover first moves the stale file
 * away and checks that what it moved is the stale lock, so two processes never both win.
 */
@SuppressWarnings("nls") // file syntax
public final class SchedulerLock implements AutoCloseable {

    /** Stands for a lock file whose content is not "PID START-TICKS": no process has pid 0. */
    private static final ProcessIdentity UNREADABLE = new ProcessIdentity(0, -1);

    private final Path lockFile;
    private final ProcessIdentity self;
    private final String content;
    private boolean held;

    /** A lock for the schedules file, taken in the name of this process. */
    public SchedulerLock(Path schedulesFile) {
        this.lockFile = lockFileFor(schedulesFile);
        this.self = ProcessIdentity.current();
        this.content = self.format() + " " + UUID.randomUUID();
    }

    /** @return the lock file beside a schedules file: {@code FILE.lock} */
    public static Path lockFileFor(Path schedulesFile) {
        Path absolute = schedulesFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    public Path file() {
        return lockFile;
    }

    /** @return true when this object holds the lock (it does not look at the file) */
    public synchronized boolean isHeld() {
        return held;
    }

    /**
     * Takes the lock when nobody live holds it; keeps it when held. Also notices when the file was
     * removed or taken by someone else behind our back, and then reports the lock as lost.
     *
     * @return true when this object holds the lock afterwards
     * @throws IOException when the folder of the lock file is not writable
     */
    public synchronized boolean tryAcquire() throws IOException {
        if (held) {
            if (isOurs()) {
                return true;
            }
            held = false; // someone removed or replaced our file: we no longer own the schedules
        }
        Optional<ProcessIdentity> current = readOwner();
        if (current.isPresent() && current.get().isAlive()) {
            return false;
        }
        if (current.isPresent() && !moveAwayStale(current.get())) {
            return false;
        }
        held = create();
        return held;
    }

    /** @return the live owner's pid, this process's when we hold it; empty when the lock is free or stale */
    public synchronized OptionalLong owner() throws IOException {
        return readOwner().filter(ProcessIdentity::isAlive).map(o -> OptionalLong.of(o.pid())).orElse(OptionalLong.empty());
    }

    /** Gives up the lock when held: removes the file if it is still ours. */
    @Override
    public synchronized void close() {
        if (!held) {
            return;
        }
        held = false;
        try {
            if (isOurs()) {
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException e) {
            // a leftover file names a dead process after we exit: the next owner takes it over as stale
        }
    }

    private boolean isOurs() throws IOException {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).trim().equals(content);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Optional<ProcessIdentity> readOwner() throws IOException {
        try {
            // unreadable content counts as a lock of a dead process, so that it is taken over
            return Optional.of(ProcessIdentity.parse(Files.readString(lockFile, StandardCharsets.US_ASCII)).orElse(UNREADABLE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private boolean create() throws IOException {
        Files.createDirectories(lockFile.getParent());
        Path temporary = Files.createTempFile(lockFile.getParent(), lockFile.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, content + "\n", StandardCharsets.US_ASCII);
            Files.createLink(lockFile, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another process was quicker
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** @return true when the stale lock is gone; false when another process took the lock meanwhile */
    private boolean moveAwayStale(ProcessIdentity stale) throws IOException {
        Path aside = lockFile.resolveSibling(lockFile.getFileName() + ".stale." + UUID.randomUUID());
        try {
            Files.move(lockFile, aside);
        } catch (NoSuchFileException e) {
            return true; // someone else removed it: try to create ours
        }
        try {
            Optional<ProcessIdentity> moved = Optional.of(
                    ProcessIdentity.parse(Files.readString(aside, StandardCharsets.US_ASCII)).orElse(UNREADABLE));
            if (moved.equals(Optional.of(stale))) {
                return true;
            }
            // we moved a fresh lock another process had just made: put it back
            try {
                Files.createLink(lockFile, aside);
            } catch (FileAlreadyExistsException e) {
                // a third process holds it now; the one we moved loses, as it would have to us
            }
            return false;
        } finally {
            Files.deleteIfExists(aside);
        }
    }
}
