package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.ui.internal.checkpoint.DestinationCheck.Severity;
import org.stasis.ui.internal.checkpoint.DestinationCheck.Verdict;

/** What the checkpoint dialog says about a destination, on real folders with simulated free space. */
class DestinationCheckTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private final DestinationCheck plenty = new DestinationCheck(folder -> 100 * GIB);

    @Test
    void aNewImageInAnExistingFolderIsFine() {
        Verdict v = plenty.check(dir.toString(), "a.stasis", GIB);
        assertEquals(Severity.OK, v.severity());
        assertEquals(Optional.of(dir.resolve("a.stasis")), v.image());
        assertEquals(OptionalLong.of(100 * GIB), v.freeBytes());
        assertTrue(v.allowsCheckpoint());
    }

    @Test
    void aMissingFolderWillBeCreated() {
        Verdict v = plenty.check(dir.resolve("x/y").toString(), "a.stasis", GIB);
        assertEquals(Severity.INFO, v.severity());
        assertTrue(v.message().contains("will be created"), v.message());
        assertTrue(v.allowsCheckpoint());
    }

    @Test
    void anExistingImageIsReplacedSafely() throws IOException {
        Files.writeString(dir.resolve("a.stasis"), "old");
        Verdict v = plenty.check(dir.toString(), " a.stasis ", GIB);
        assertEquals(Severity.WARNING, v.severity());
        assertTrue(v.message().contains("replaced, safely"), v.message());
        assertTrue(v.allowsCheckpoint());
    }

    @Test
    void notEnoughSpaceForbidsTheCheckpoint() {
        Verdict v = new DestinationCheck(folder -> 512L << 20).check(dir.toString(), "a.stasis", 2 * GIB);
        assertEquals(Severity.ERROR, v.severity());
        assertEquals("Not enough space: the image needs about 2.0 GiB, but only 512.0 MiB is free there.", v.message());
        assertFalse(v.allowsCheckpoint());
    }

    @Test
    void unknownFreeSpaceIsNoReasonToRefuse() {
        Verdict v = new DestinationCheck(folder -> {
            throw new IOException("statvfs failed");
        }).check(dir.toString(), "a.stasis", GIB);
        assertEquals(Severity.OK, v.severity());
        assertTrue(v.freeBytes().isEmpty());
    }

    @Test
    void badFoldersAndNamesAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Files.createDirectory(dir.resolve("sub.stasis"));
        assertRefused(plenty.check("", "a.stasis", 1), "Choose the folder");
        assertRefused(plenty.check(dir.toString(), "  ", 1), "Give the image a file name");
        assertRefused(plenty.check(dir.toString(), "a/b.stasis", 1), "cannot contain '/'");
        assertRefused(plenty.check("relative", "a.stasis", 1), "absolute path");
        assertRefused(plenty.check(file.resolve("deeper").toString(), "a.stasis", 1), file + " is a file, not a folder");
        assertRefused(plenty.check(dir.toString(), "sub.stasis", 1), "sub.stasis is a folder");
    }

    @Test
    void aNameWithoutTheExtensionIsAllowedWithAWarning() {
        Verdict v = plenty.check(dir.toString(), "a.img", 1);
        assertEquals(Severity.WARNING, v.severity());
        assertTrue(v.message().contains(".stasis"), v.message());
    }

    private static void assertRefused(Verdict v, String says) {
        assertEquals(Severity.ERROR, v.severity(), v.message());
        assertTrue(v.message().contains(says), v.message());
        assertFalse(v.allowsCheckpoint());
    }
}
