package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.restore.FilesCheck;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.FileKind;
import org.stasis.image.proto.MmState;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;

class FilesCheckTest {

    @TempDir
    Path dir;

    /** pid 4711 with fd 3 on log (size in the image: logSize) and a mapping of lib (libSize). */
    private Scenario scenario(Path log, long logSize, Path lib, long libSize) {
        Scenario s = new Scenario();
        s.image.addFiles(OpenFile.newBuilder().setId(1).setKind(FileKind.FILE_REGULAR).setPath(log.toString())
                .setSize(logSize));
        s.image.addFiles(OpenFile.newBuilder().setId(2).setKind(FileKind.FILE_CHARDEV).setPath("/dev/null"));
        s.image.addFiles(OpenFile.newBuilder().setId(3).setKind(FileKind.FILE_DIRECTORY).setPath(dir.toString()));
        s.image.addProcesses(Process.newBuilder().setPid(4711)
                .addFds(FileDescriptor.newBuilder().setFd(0).setFileId(2))
                .addFds(FileDescriptor.newBuilder().setFd(3).setFileId(1))
                .addFds(FileDescriptor.newBuilder().setFd(4).setFileId(3))
                .setMm(MmState.newBuilder()
                        .addVmas(Vma.newBuilder().setKind(VmaKind.VMA_FILE_PRIVATE).setPath(lib.toString())
                                .setFileSize(libSize))
                        .addVmas(Vma.newBuilder().setKind(VmaKind.VMA_ANON_PRIVATE).setName("[heap]"))));
        return s;
    }

    @Test
    void presentFilesOfTheSameSizeAreGreen() throws Exception {
        Path log = Files.writeString(dir.resolve("counter.log"), "12345");
        Path lib = Files.write(dir.resolve("libfoo.so"), new byte[100]);
        Scenario s = scenario(log, 5, lib, 100);
        PreflightItem item = new FilesCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.OK, item.status(), item.explanation());
        assertTrue(item.explanation().contains("All 3 "), "log, directory and library: " + item.explanation());
    }

    @Test
    void aMissingFileIsRedAndNamed() throws Exception {
        Path log = dir.resolve("counter.log"); // deleted since the checkpoint
        Path lib = Files.write(dir.resolve("libfoo.so"), new byte[100]);
        Scenario s = scenario(log, 5, lib, 100);
        PreflightItem item = new FilesCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.ERROR, item.status());
        assertTrue(item.explanation().contains(log + " (PID 4711 fd 3)"), item.explanation());
        assertFalse(item.explanation().contains("libfoo"), item.explanation());
    }

    @Test
    void aMissingMappedFileIsRedToo() throws Exception {
        Path log = Files.writeString(dir.resolve("counter.log"), "12345");
        Scenario s = scenario(log, 5, dir.resolve("gone.so"), 100);
        PreflightItem item = new FilesCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.ERROR, item.status());
        assertTrue(item.explanation().contains("gone.so (mapped by PID 4711)"), item.explanation());
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsMissing() throws Exception {
        Path log = Files.createDirectory(dir.resolve("counter.log"));
        Path lib = Files.write(dir.resolve("libfoo.so"), new byte[100]);
        Scenario s = scenario(log, 5, lib, 100);
        assertEquals(PreflightStatus.ERROR, new FilesCheck().check(s.candidate(), s.host()).status());
    }

    @Test
    void aFileOfAnotherSizeIsYellowWithBothSizes() throws Exception {
        Path log = Files.writeString(dir.resolve("counter.log"), "1234567890");
        Path lib = Files.write(dir.resolve("libfoo.so"), new byte[100]);
        Scenario s = scenario(log, 5, lib, 100);
        PreflightItem item = new FilesCheck().check(s.candidate(), s.host());
        assertEquals(PreflightStatus.WARNING, item.status());
        assertTrue(item.explanation().contains(log.toString()) && item.explanation().contains("10 B now")
                && item.explanation().contains("5 B in the image"), item.explanation());
    }

    @Test
    void anImageWithoutFilesIsGreen() {
        Scenario s = new Scenario();
        s.image.addProcesses(Process.newBuilder().setPid(1));
        assertEquals(PreflightStatus.OK, new FilesCheck().check(s.candidate(), s.host()).status());
    }
}
