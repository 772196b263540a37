package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes this process may still write into a folder; tests give a fake to see a full disk. */
@FunctionalInterface
public interface FreeSpace {

    long usableBytes(Path folder) throws IOException;

    /** The file system's usable space, from the nearest existing ancestor when the folder is not made yet. */
    static FreeSpace system() {
        return folder -> {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw new IOException(folder + ": no part of this path exists"); //$NON-NLS-1$
            }
            return Files.getFileStore(existing).getUsableSpace();
        };
    }
}
