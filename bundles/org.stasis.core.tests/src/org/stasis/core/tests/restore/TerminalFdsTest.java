package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stasis.core.restore.TerminalFds;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.FileKind;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;

class TerminalFdsTest {

    @Test
    void onlyTerminalFdsAreListed() {
        Image image = Image.newBuilder()
                .addFiles(OpenFile.newBuilder().setId(1).setKind(FileKind.FILE_TTY).setPath("/dev/pts/3"))
                .addFiles(OpenFile.newBuilder().setId(2).setKind(FileKind.FILE_CHARDEV).setPath("/dev/null"))
                .addProcesses(Process.newBuilder().setPid(10)
                        .addFds(FileDescriptor.newBuilder().setFd(0).setFileId(2))
                        .addFds(FileDescriptor.newBuilder().setFd(1).setFileId(1))
                        .addFds(FileDescriptor.newBuilder().setFd(2).setFileId(1)))
                .build();
        assertEquals(List.of("PID 10 fd 1 (/dev/pts/3)", "PID 10 fd 2 (/dev/pts/3)"), TerminalFds.of(image));
    }
}
