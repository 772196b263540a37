package org.stasis.ui.internal.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.osgi.util.NLS;
import org.stasis.core.processes.ProcessFormat;

/**
 * Judges where a checkpoint would be written before anything runs, so that the dialog can say so as
 * the user types instead of the dump failing after the tree was frozen.
 */
public final class DestinationCheck {

    /** How bad a destination is: an error forbids the checkpoint, a warning only informs. */
    public enum Severity {
        OK, INFO, WARNING, ERROR
    }

    /**
     * @param severity the worst finding
     * @param message what it means for the user; empty when all is well
     * @param image the file that would be written, when folder and name make one
     * @param freeBytes usable bytes of the file system the image would go to, when known
     */
    public record Verdict(Severity severity, String message, Optional<Path> image, OptionalLong freeBytes) {

        public Verdict {
            Objects.requireNonNull(severity, "severity"); //$NON-NLS-1$
            Objects.requireNonNull(message, "message"); //$NON-NLS-1$
            Objects.requireNonNull(image, "image"); //$NON-NLS-1$
            Objects.requireNonNull(freeBytes, "freeBytes"); //$NON-NLS-1$
        }

        public boolean allowsCheckpoint() {
            return severity != Severity.ERROR && image.isPresent();
        }
    }

    /** Usable bytes of the file system holding an existing folder. */
    @FunctionalInterface
    public interface FreeSpace {
        long of(Path existingFolder) throws IOException;
    }

    private final FreeSpace freeSpace;

    /** Measures free space with the folder's file store. */
    public DestinationCheck() {
        this(folder -> Files.getFileStore(folder).getUsableSpace());
    }

    /** Measures free space with freeSpace (tests simulate a full disk with it). */
    public DestinationCheck(FreeSpace freeSpace) {
        this.freeSpace = Objects.requireNonNull(freeSpace, "freeSpace"); //$NON-NLS-1$
    }

    /**
     * @param folderText the folder as typed
     * @param nameText the file name as typed
     * @param expectedBytes about how large the image will be
     */
    public Verdict check(String folderText, String nameText, long expectedBytes) {
        String folderName = folderText.strip();
        String name = nameText.strip();
        if (folderName.isEmpty()) {
            return error(Messages.Destination_NoFolder);
        }
        if (name.isEmpty()) {
            return error(Messages.Destination_NoName);
        }
        if (name.contains("/") || name.equals(".") || name.equals("..")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            return error(Messages.Destination_BadName);
        }
        Path folder;
        try {
            folder = Path.of(folderName);
        } catch (InvalidPathException e) {
            return error(NLS.bind(Messages.Destination_BadFolder, e.getMessage()));
        }
        if (!folder.isAbsolute()) {
            return error(Messages.Destination_RelativeFolder);
        }
        folder = folder.normalize();
        Path existing = nearestExisting(folder);
        if (!Files.isDirectory(existing)) {
            return error(NLS.bind(Messages.Destination_NotAFolder, existing));
        }
        if (!Files.isWritable(existing)) {
            return error(NLS.bind(Messages.Destination_NotWritable, existing));
        }
        OptionalLong free = free(existing);
        Path image = folder.resolve(name);
        Optional<Path> target = Optional.of(image);
        if (Files.isDirectory(image)) {
            return new Verdict(Severity.ERROR, NLS.bind(Messages.Destination_NameIsFolder, name), Optional.empty(),
                    free);
        }
        if (free.isPresent() && free.getAsLong() < expectedBytes) {
            return new Verdict(Severity.ERROR, NLS.bind(Messages.Destination_NoSpace,
                    ProcessFormat.bytes(expectedBytes), ProcessFormat.bytes(free.getAsLong())), target, free);
        }
        if (Files.exists(image)) {
            return new Verdict(Severity.WARNING, NLS.bind(Messages.Destination_Replaces, name), target, free);
        }
        if (!name.endsWith(ImageNames.EXTENSION)) {
            return new Verdict(Severity.WARNING, NLS.bind(Messages.Destination_NoExtension, ImageNames.EXTENSION), target,
                    free);
        }
        if (!existing.equals(folder)) {
            return new Verdict(Severity.INFO, NLS.bind(Messages.Destination_WillCreate, folder), target, free);
        }
        return new Verdict(Severity.OK, "", target, free); //$NON-NLS-1$
    }

    private static Verdict error(String message) {
        return new Verdict(Severity.ERROR, message, Optional.empty(), OptionalLong.empty());
    }

    /** The folder itself, or the closest ancestor that exists: where the engine will create the rest. */
    private static Path nearestExisting(Path folder) {
        Path p = folder;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private OptionalLong free(Path existingFolder) {
        try {
            return OptionalLong.of(freeSpace.of(existingFolder));
        } catch (IOException e) {
            return OptionalLong.empty(); // unknown: the engine will say if the disk fills up
        }
    }
}
