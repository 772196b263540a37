package org.stasis.ui.internal.checkpoints;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which files of a folder are checkpoints: regular files named *.stasis. The engine writes an image
 * under a hidden temporary name (".NAME.XXXXXX.tmp") and renames it when complete, so a file that
 * passes this test is a finished image (or something else the user named so).
 */
public final class CheckpointFiles {

    static final String SUFFIX = ".stasis"; //$NON-NLS-1$

    private CheckpointFiles() {
    }

    /** @return whether a file of this name is listed as a checkpoint */
    static boolean isImageName(String name) {
        return name.endsWith(SUFFIX) && !name.startsWith("."); //$NON-NLS-1$
    }

    /** @return the images in folder (not below it), unordered; none when it does not exist or cannot be read */
    static List<Path> list(Path folder) {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                p -> isImageName(p.getFileName().toString()) && Files.isRegularFile(p))) {
            files.forEach(images::add);
        } catch (IOException | RuntimeException e) {
            // a folder that is missing or unreadable holds no checkpoints we could show
        }
        return images;
    }

    /** @return the count newest images of folder, newest first */
    public static List<Path> newest(Path folder, int count) {
        return list(folder).stream().sorted(Comparator.comparing(CheckpointFiles::modified).reversed())
                .limit(count).toList();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone meanwhile: last
        }
    }
}
