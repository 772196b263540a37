package org.stasis.core.internal.images;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;

/**
 * Open files of one process, matched by fd number and path: the same fd now naming another file
 * was closed and reopened in between.
 */
final class FileComparer {

    /** What an fd names: the open file description's path (or its kind for pipes) and offset. */
    record Fd(int fd, String path, long offset) {
        String subject() {
            return "fd " + Integer.toUnsignedString(fd) + " " + path; //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private FileComparer() {
    }

    /** An image's open file descriptions by id; built once per image, shared by its processes. */
    static Map<Long, OpenFile> files(Image image) {
        Map<Long, OpenFile> files = new HashMap<>();
        for (OpenFile f : image.getFilesList()) {
            files.put(f.getId(), f);
        }
        return files;
    }

    /** The process's fds in fd order of the image, keyed by fd number and path. */
    static Map<String, Fd> fds(Process p, Map<Long, OpenFile> files) {
        Map<String, Fd> out = new LinkedHashMap<>();
        for (FileDescriptor d : p.getFdsList()) {
            OpenFile f = files.getOrDefault(d.getFileId(), OpenFile.getDefaultInstance());
            String path = f.getPath().isEmpty() ? "(" + f.getKind().name().toLowerCase(Locale.ROOT) + ")" //$NON-NLS-1$ //$NON-NLS-2$
                    : f.getPath();
            Fd fd = new Fd(d.getFd(), path, f.getPos());
            out.put(fd.subject(), fd);
        }
        return out;
    }

    static void compare(int pid, Map<String, Fd> older, Map<String, Fd> newer, List<DiffEntry> out) {
        for (Fd o : older.values()) {
            Fd n = newer.get(o.subject());
            if (n == null) {
                out.add(new DiffEntry(Kind.FILE_CLOSED, pid, o.subject(), "closed (was at offset " //$NON-NLS-1$
                        + Texts.count(o.offset()) + ")", o.offset(), 0)); //$NON-NLS-1$
            } else if (n.offset() != o.offset()) {
                out.add(new DiffEntry(Kind.FILE_MOVED, pid, o.subject(), "offset " + Texts.count(o.offset()) + " -> " //$NON-NLS-1$ //$NON-NLS-2$
                        + Texts.count(n.offset()), o.offset(), n.offset()));
            }
        }
        for (Fd n : newer.values()) {
            if (!older.containsKey(n.subject())) {
                out.add(new DiffEntry(Kind.FILE_OPENED, pid, n.subject(), "opened, at offset " //$NON-NLS-1$
                        + Texts.count(n.offset()), 0, n.offset()));
            }
        }
    }
}
