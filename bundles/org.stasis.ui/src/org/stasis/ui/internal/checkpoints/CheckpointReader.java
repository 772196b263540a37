package org.stasis.ui.internal.checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.stasis.core.images.ProcessCommand;
import org.stasis.image.ImageHeader;
import org.stasis.image.StasisImage;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.Process;

/**
 * Reads the rows of the Checkpoints view: headers and metadata of every image in the folders,
 * never page data. Remembers what it read, so a rescan only opens files that are new or changed.
 * Used by one Job at a time.
 */
final class CheckpointReader {

    private final Map<Path, CheckpointEntry> known = new HashMap<>();

    /** Blocking: call it from a Job. */
    List<CheckpointEntry> read(List<Path> folders, IProgressMonitor monitor) {
        List<Path> files = folders.stream().distinct().flatMap(f -> CheckpointFiles.list(f).stream()).toList();
        SubMonitor progress = SubMonitor.convert(monitor, files.size());
        Map<Path, CheckpointEntry> now = new HashMap<>();
        for (Path file : files) {
            progress.split(1);
            readIfChanged(file).ifPresent(e -> now.put(file, e));
        }
        known.clear();
        known.putAll(now);
        return List.copyOf(now.values());
    }

    private Optional<CheckpointEntry> readIfChanged(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty(); // deleted since the listing
        }
        CheckpointEntry old = known.get(file);
        if (old != null && old.isCurrent(attributes.size(), attributes.lastModifiedTime())) {
            return Optional.of(old);
        }
        try (StasisImage image = StasisImage.open(file)) {
            return Optional.of(new CheckpointEntry(file, attributes.size(), attributes.lastModifiedTime(),
                    Optional.of(summary(image)), "")); //$NON-NLS-1$
        } catch (IOException | RuntimeException e) {
            // a corrupt or foreign file is listed with the reader's reason, not hidden
            String why = e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.toString();
            return Optional.of(new CheckpointEntry(file, attributes.size(), attributes.lastModifiedTime(),
                    Optional.empty(), why));
        }
    }

    private static CheckpointEntry.Summary summary(StasisImage image) {
        ImageHeader h = image.header();
        Image meta = image.metadata();
        Process root = image.process(meta.getRootPid());
        String command = root == null ? "" : ProcessCommand.of(root); //$NON-NLS-1$
        return new CheckpointEntry.Summary(h.imageId(), h.parentId(), h.created(), meta.getRootPid(), command,
                meta.getProcessesCount());
    }
}
