package org.stasis.core.internal.images;

import java.util.List;
import java.util.Map;

import org.stasis.core.images.DiffEntry;
import org.stasis.image.ImageFormatException;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;

/** The differences within one process that both images hold (matched by pid and start time). */
final class ProcessComparer {

    private final Process older;
    private final Process newer;
    private final Map<Long, OpenFile> olderFiles;
    private final Map<Long, OpenFile> newerFiles;
    private final VmaMatch vmas;

    /** The file maps are the images' open file descriptions by id (FileComparer#files). */
    ProcessComparer(Process older, Process newer, Map<Long, OpenFile> olderFiles, Map<Long, OpenFile> newerFiles) {
        this.older = older;
        this.newer = newer;
        this.olderFiles = olderFiles;
        this.newerFiles = newerFiles;
        this.vmas = VmaMatch.of(older.getMm().getVmasList(), newer.getMm().getVmasList());
    }

    /** Progress units the page comparison of this process will report. */
    long pageWork() {
        return vmas.pairs().stream().mapToLong(VmaMatch.Pair::storedPages).sum();
    }

    void compare(PageComparer pages, List<DiffEntry> out) throws ImageFormatException {
        int pid = newer.getPid();
        vmas.compare(pid, pages, out);
        FileComparer.compare(pid, FileComparer.fds(older, olderFiles), FileComparer.fds(newer, newerFiles), out);
        LimitComparer.compare(pid, older.getRlimitsList(), newer.getRlimitsList(), out);
        if (older.hasCreds() && newer.hasCreds()) {
            CredsComparer.compare(pid, older.getCreds(), newer.getCreds(), out);
        }
    }
}
