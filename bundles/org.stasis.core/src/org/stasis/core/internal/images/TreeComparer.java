package org.stasis.core.internal.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.SubMonitor;
import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.core.images.ProcessCommand;
import org.stasis.image.ImageFormatException;
import org.stasis.image.StasisImage;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.Process;

/**
 * Matches the processes of two images and collects their differences. Metadata is matched first,
 * for all processes, so that the page comparison (the only slow part) knows its total work.
 */
public final class TreeComparer {

    private final StasisImage older;
    private final StasisImage newer;
    private final Image olderMeta;
    private final Image newerMeta;

    public TreeComparer(StasisImage older, StasisImage newer) {
        this.older = older;
        this.newer = newer;
        this.olderMeta = older.metadata();
        this.newerMeta = newer.metadata();
    }

    /** Same root pid and root command line (see ImageComparison#sameTree). */
    public boolean sameTree() {
        Process a = root(olderMeta);
        Process b = root(newerMeta);
        return a != null && b != null && a.getPid() == b.getPid() && a.getArgvList().equals(b.getArgvList());
    }

    private static Process root(Image image) {
        if (image.getProcessesCount() == 0) {
            return null;
        }
        int pid = image.hasRootPid() ? image.getRootPid() : image.getProcesses(0).getPid();
        return image.getProcessesList().stream().filter(p -> p.getPid() == pid).findFirst().orElse(null);
    }

    public List<DiffEntry> compare(SubMonitor monitor) throws ImageFormatException {
        List<DiffEntry> out = new ArrayList<>();
        Map<Integer, Process> unmatched = new LinkedHashMap<>();
        for (Process p : newerMeta.getProcessesList()) {
            unmatched.put(p.getPid(), p);
        }
        Map<Long, OpenFile> olderFiles = FileComparer.files(olderMeta);
        Map<Long, OpenFile> newerFiles = FileComparer.files(newerMeta);
        List<ProcessComparer> pairs = new ArrayList<>();
        for (Process o : olderMeta.getProcessesList()) {
            Process n = unmatched.get(o.getPid());
            if (n != null && sameProcess(o, n)) {
                unmatched.remove(o.getPid());
                pairs.add(new ProcessComparer(o, n, olderFiles, newerFiles));
            } else {
                out.add(process(Kind.PROCESS_GONE, o, n != null ? "pid reused by a later process" : "exited")); //$NON-NLS-1$ //$NON-NLS-2$
            }
        }
        for (Process n : unmatched.values()) {
            out.add(process(Kind.PROCESS_ADDED, n, "started since the older image")); //$NON-NLS-1$
        }
        long work = pairs.stream().mapToLong(ProcessComparer::pageWork).sum();
        PageComparer pages = new PageComparer(older, newer,
                SubMonitor.convert(monitor, "Comparing pages", (int) Math.min(Integer.MAX_VALUE, work))); //$NON-NLS-1$
        for (ProcessComparer pair : pairs) {
            pair.compare(pages, out);
        }
        return out;
    }

    /** A pid reused by another process (another start time) is a different process. */
    private static boolean sameProcess(Process o, Process n) {
        return !o.hasStartTimeTicks() || !n.hasStartTimeTicks() || o.getStartTimeTicks() == n.getStartTimeTicks();
    }

    private static DiffEntry process(Kind kind, Process p, String detail) {
        long start = p.getStartTimeTicks();
        return new DiffEntry(kind, p.getPid(), ProcessCommand.of(p), detail, kind == Kind.PROCESS_GONE ? start : 0,
                kind == Kind.PROCESS_ADDED ? start : 0);
    }
}
