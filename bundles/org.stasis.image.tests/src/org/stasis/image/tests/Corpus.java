package org.stasis.image.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed seed images under corpus/ (see corpus/README.md). */
final class Corpus {

    private Corpus() {
    }

    static Path dir() {
        String dir = System.getProperty("stasis.image.corpus");
        if (dir == null) {
            throw new IllegalStateException("system property stasis.image.corpus is not set (the pom sets it)");
        }
        return Path.of(dir);
    }

    static List<Path> images() {
        try (Stream<Path> files = Files.list(dir())) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".stasis")).sorted().toList();
            if (images.isEmpty()) {
                throw new IllegalStateException("no seed images in " + dir());
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path image) {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sleep() {
        return dir().resolve("sleep.stasis");
    }
}
