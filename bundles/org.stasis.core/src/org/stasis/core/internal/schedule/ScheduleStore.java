package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.ScheduleProblem;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.core.schedule.ScheduleValidator;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ModelResources;
import org.stasis.model.ScheduleBook;

/**
 * The schedules file and its content, kept in step with what other processes write.
 * <p>
 * Every change is read-change-write under a {@link FileMutex}: reload when another process wrote
 * since we last looked, apply the change to a copy, save it atomically, and only then make the copy
 * current, so a failed save changes nothing. A file that does not load (corrupt, or invalid
 * schedules) is never written over: the store keeps its last good content and refuses changes until
 * the file loads again.
 */
@SuppressWarnings("nls") // plain English messages of core
final class ScheduleStore {

    private final Path file;
    private final FileMutex mutex;
    private ScheduleBook book;
    private Stamp stamp;
    private ScheduleFileException broken;

    private ScheduleStore(Path file) {
        this.file = file.toAbsolutePath();
        this.mutex = new FileMutex(this.file);
    }

    /** @throws ScheduleFileException when the file exists and does not load */
    static ScheduleStore open(Path file) throws ScheduleFileException {
        ScheduleStore store = new ScheduleStore(file);
        store.stamp = Stamp.of(store.file);
        store.book = load(store.file);
        return store;
    }

    Path file() {
        return file;
    }

    /** @return the current content; callers must not change it (use {@link #change}) */
    ScheduleBook book() {
        return book;
    }

    /**
     * Reloads when another process changed the file.
     *
     * @return true when the content was replaced
     * @throws ScheduleFileException when the changed file does not load; the store keeps its content
     */
    boolean refresh() throws ScheduleFileException {
        Stamp now = Stamp.of(file);
        if (now.equals(stamp)) {
            return false;
        }
        try {
            book = load(file);
            broken = null;
        } catch (ScheduleFileException e) {
            broken = e;
            throw e;
        } finally {
            stamp = now;
        }
        return true;
    }

    /**
     * Applies change to the newest content and writes it.
     *
     * @return true when another process's changes were loaded first
     * @throws ScheduleFileException when the file on disk does not load: nothing is written
     * @throws IOException           when writing failed: nothing changed
     */
    boolean change(Consumer<ScheduleBook> change) throws IOException {
        return mutex.with(() -> {
            boolean reloaded = refreshIfChanged();
            if (broken != null) {
                throw broken;
            }
            ScheduleBook next = EcoreUtil.copy(book);
            change.accept(next);
            Files.createDirectories(file.getParent());
            ModelResources.save(next, file);
            book = next;
            stamp = Stamp.of(file);
            return reloaded;
        });
    }

    private boolean refreshIfChanged() {
        try {
            return refresh();
        } catch (ScheduleFileException e) {
            return false; // remembered in broken
        }
    }

    /** @return the file's content, validated; an empty book when there is no file yet */
    static ScheduleBook load(Path file) throws ScheduleFileException {
        ScheduleBook loaded;
        try {
            loaded = ModelResources.load(file, ScheduleBook.class);
        } catch (NoSuchFileException e) {
            return new ScheduleBook();
        } catch (IOException e) {
            throw new ScheduleFileException(file, "cannot be read as a Stasis schedules file (" + e.getMessage() + ")", e);
        }
        // a hand-written file need not invent ids; they are written with the next change
        loaded.getSchedules().stream().filter(s -> s.getId().isEmpty()).forEach(s -> s.setId(UUID.randomUUID().toString()));
        List<ScheduleProblem> problems = problems(loaded);
        if (!problems.isEmpty()) {
            ScheduleValidationException cause = new ScheduleValidationException(problems);
            throw new ScheduleFileException(file, "invalid schedules: " + cause.getMessage(), cause);
        }
        return loaded;
    }

    /** @return the problems of every schedule, and names or ids used twice */
    static List<ScheduleProblem> problems(ScheduleBook book) {
        List<ScheduleProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CheckpointSchedule schedule : book.getSchedules()) {
            problems.addAll(ScheduleValidator.problems(schedule));
            if (!names.add(schedule.getName())) {
                problems.add(new ScheduleProblem(schedule.getName(), "name",
                        "two schedules have this name, and so the same image names: rename one"));
            }
            if (!ids.add(schedule.getId())) {
                problems.add(new ScheduleProblem(schedule.getName(), "id",
                        "'" + schedule.getId() + "' is used twice: remove the id attribute of one, the scheduler assigns a new one"));
            }
        }
        return problems;
    }

    /** What tells one version of the file from another without reading it. */
    private record Stamp(FileTime modified, long size, Object fileKey) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size(), Objects.requireNonNullElse(a.fileKey(), ""));
            } catch (IOException e) {
                return new Stamp(FileTime.fromMillis(0), -1, ""); // no file (yet)
            }
        }
    }
}
