package org.stasis.core.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stasis.core.processes.ProcessFormat;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.FileKind;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;

/**
 * Files the restore reopens by path: open regular files and directories, and files mapped into
 * memory. One that is gone makes the restore fail (red, naming it); one whose size changed is
 * reopened anyway and the process reads what is there now (yellow).
 */
@SuppressWarnings("nls")
public final class FilesCheck implements PreflightCheck {

    static final String TITLE = "Files";

    /**
     * A file the image needs.
     *
     * @param path as the process saw it
     * @param user who holds it: "pid 4711 fd 3", "pid 4711 maps it"
     * @param size its size when the image was made; -1 when it does not matter (directories)
     * @param directory a directory, not a file
     */
    record NeededFile(String path, String user, long size, boolean directory) {
    }

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        List<String> missing = new ArrayList<>();
        List<String> resized = new ArrayList<>();
        Map<String, NeededFile> needed = neededFiles(image);
        for (NeededFile f : needed.values()) {
            Path path = Path.of(f.path());
            if (f.directory() ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
                missing.add(f.path() + " (" + f.user() + ")");
                continue;
            }
            try {
                long now = f.size() < 0 ? -1 : Files.size(path);
                if (now != f.size()) {
                    resized.add(f.path() + " (" + f.user() + ": " + ProcessFormat.bytes(now) + " now, "
                            + ProcessFormat.bytes(f.size()) + " in the image)");
                }
            } catch (IOException e) {
                missing.add(f.path() + " (" + f.user() + ": cannot be read here: " + e.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.ERROR, (missing.size() == 1 ? "Missing: " : "Missing ("
                    + missing.size() + "): ") + Listing.of(missing)
                    + ". The restore reopens every file by its path: put "
                    + (missing.size() == 1 ? "it" : "them") + " back, or restore on a host that has "
                    + (missing.size() == 1 ? "it." : "them."));
        }
        if (!resized.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.WARNING, "Changed size since the checkpoint: "
                    + Listing.of(resized) + ". The processes continue at their old offsets in what is there now.");
        }
        return new PreflightItem(TITLE, PreflightStatus.OK, needed.isEmpty() ? "The image reopens no files by path."
                : "All " + needed.size() + " files and directories the image reopens are here, with their sizes.");
    }

    /** @return the files the restore opens by path, by path, first user first */
    static Map<String, NeededFile> neededFiles(RestoreCandidate image) {
        Map<Long, OpenFile> files = new LinkedHashMap<>();
        for (OpenFile f : image.metadata().getFilesList()) {
            files.put(f.getId(), f);
        }
        Map<String, NeededFile> needed = new LinkedHashMap<>();
        for (Process p : image.metadata().getProcessesList()) {
            for (FileDescriptor d : p.getFdsList()) {
                OpenFile f = files.get(d.getFileId());
                if (f != null && !f.getPath().isEmpty() && (f.getKind() == FileKind.FILE_REGULAR
                        || f.getKind() == FileKind.FILE_DIRECTORY)) {
                    boolean dir = f.getKind() == FileKind.FILE_DIRECTORY;
                    needed.putIfAbsent(f.getPath(), new NeededFile(f.getPath(), "PID " + p.getPid() + " fd "
                            + d.getFd(), dir ? -1 : f.getSize(), dir));
                }
            }
            for (Vma v : p.getMm().getVmasList()) {
                if (!v.getPath().isEmpty()
                        && (v.getKind() == VmaKind.VMA_FILE_PRIVATE || v.getKind() == VmaKind.VMA_FILE_SHARED)) {
                    needed.putIfAbsent(v.getPath(), new NeededFile(v.getPath(), "mapped by PID " + p.getPid(),
                            v.getFileSize(), false));
                }
            }
        }
        return needed;
    }
}
