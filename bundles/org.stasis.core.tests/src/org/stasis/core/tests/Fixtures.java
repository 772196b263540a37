package org.stasis.core.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Access to the recorded /proc tree under fixtures/ (see fixtures/README.md). */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        String dir = System.getProperty("stasis.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property stasis.fixtures is not set (the pom sets it)");
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root.resolve("proc"))) {
            throw new IllegalStateException("no fixture tree at " + root);
        }
        return root;
    }

    static Path proc() {
        return root().resolve("proc");
    }

    static Path passwd() {
        return root().resolve("etc/passwd");
    }

    /** Copies the fixture tree to dir, so a test can change it (a later snapshot, a vanished file). */
    static Path copyTo(Path dir) {
        Path source = root();
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(from -> {
                Path to = dir.resolve(source.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
