package org.stasis.core.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Finding programs the way a shell does: the first executable of that name along PATH. */
public final class Executables {

    private Executables() {
    }

    /** @return name in the directories of this process's PATH */
    public static Optional<Path> onPath(String name) {
        return onPath(name, Objects.toString(System.getenv("PATH"), "")); //$NON-NLS-1$
    }

    /** @return name in the directories of path (a PATH value: directories separated by ':') */
    public static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // an empty entry would mean the working directory: never wanted here
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
