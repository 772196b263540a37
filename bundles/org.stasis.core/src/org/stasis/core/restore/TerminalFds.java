package org.stasis.core.restore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.stasis.image.proto.FileKind;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.OpenFile;

/**
 * The fds of an image that were a terminal. They decide the restore's options: such a tree
 * comes back attached to a terminal (`--shell-job`) or with them sent to a file (`--terminal-to`).
 */
public final class TerminalFds {

    private TerminalFds() {
    }

    /** @return "PID 4711 fd 1 (/dev/pts/3)" for each fd that was a terminal, in process and fd order */
    @SuppressWarnings("nls")
    public static List<String> of(Image image) {
        Map<Long, OpenFile> files = new HashMap<>();
        for (OpenFile f : image.getFilesList()) {
            files.put(f.getId(), f);
        }
        return image.getProcessesList().stream().flatMap(p -> p.getFdsList().stream().flatMap(d -> {
            OpenFile f = files.get(d.getFileId());
            return f != null && f.getKind() == FileKind.FILE_TTY
                    ? Stream.of("PID " + p.getPid() + " fd " + d.getFd() + " (" + f.getPath() + ")")
                    : Stream.empty();
        })).toList();
    }
}
