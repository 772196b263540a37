package org.stasis.core.internal.images;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.image.ImageFormatException;
import org.stasis.image.proto.PageRun;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;

/**
 * The mappings of one process in two images, matched by start address, kind and name. A mapping
 * that still ends where it ended but starts elsewhere grew or shrank at its bottom: a stack, or an
 * anonymous mapping the kernel merged with a new mmap placed just below it (mmap allocates top-down);
 * a second pass matches those by end address.
 */
final class VmaMatch {

    record Pair(Vma older, Vma newer) {
        /** Pages stored in either image: the progress units of comparing them. */
        long storedPages() {
            return pages(older) + pages(newer);
        }
    }

    private record Key(long address, VmaKind kind, String name) {
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Vma> removed = new ArrayList<>();
    private final List<Vma> added = new ArrayList<>();

    static VmaMatch of(List<Vma> older, List<Vma> newer) {
        VmaMatch m = new VmaMatch();
        List<Vma> olderLeft = m.pair(older, newer, Vma::getStart);
        m.pair(olderLeft, new ArrayList<>(m.added), Vma::getEnd);
        m.pairs.sort(Comparator.comparingLong(p -> p.newer().getStart()));
        return m;
    }

    /**
     * Pairs older and newer mappings whose key (address, kind, name) is equal; the unpaired newer
     * ones are left in {@link #added}, the unpaired older ones are returned and in {@link #removed}.
     */
    private List<Vma> pair(List<Vma> older, List<Vma> newer, ToLongFunction<Vma> address) {
        Map<Key, Vma> byKey = new LinkedHashMap<>();
        for (Vma o : older) {
            byKey.put(key(o, address), o);
        }
        List<Vma> newerLeft = new ArrayList<>();
        for (Vma n : newer) {
            Vma o = byKey.remove(key(n, address));
            if (o != null) {
                pairs.add(new Pair(o, n));
            } else {
                newerLeft.add(n);
            }
        }
        added.clear();
        added.addAll(newerLeft);
        removed.clear();
        removed.addAll(byKey.values());
        return new ArrayList<>(removed);
    }

    private static Key key(Vma v, ToLongFunction<Vma> address) {
        return new Key(address.applyAsLong(v), v.getKind(), v.getName());
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Entries in address order of the newer image, then the unmapped and the new mappings. */
    void compare(int pid, PageComparer pages, List<DiffEntry> out) throws ImageFormatException {
        for (Pair p : pairs) {
            long before = size(p.older());
            long after = size(p.newer());
            if (after != before) {
                out.add(new DiffEntry(after > before ? Kind.VMA_GROWN : Kind.VMA_SHRUNK, pid, Texts.vma(p.newer()),
                        (after > before ? "grew" : "shrank") + " from " + Texts.bytes(before) + " to " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                                + Texts.bytes(after), before, after));
            }
            PageComparer.Count c = pages.compare(p.older().getPagesList(), p.newer().getPagesList());
            if (c.changed() > 0) {
                out.add(new DiffEntry(Kind.PAGES_CHANGED, pid, Texts.vma(p.newer()), Texts.count(c.changed()) + " of " //$NON-NLS-1$
                        + Texts.count(c.compared(), "stored page", "stored pages") + " changed", c.compared(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                        c.changed()));
            }
        }
        for (Vma v : removed) {
            out.add(new DiffEntry(Kind.VMA_REMOVED, pid, Texts.vma(v), "unmapped, " + Texts.bytes(size(v)), size(v), 0)); //$NON-NLS-1$
        }
        for (Vma v : added) {
            out.add(new DiffEntry(Kind.VMA_ADDED, pid, Texts.vma(v), "mapped, " + Texts.bytes(size(v)) + ", " //$NON-NLS-1$ //$NON-NLS-2$
                    + Texts.count(pages(v), "page", "pages") + " stored", 0, size(v))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
    }

    private static long size(Vma v) {
        return v.getEnd() - v.getStart();
    }

    static long pages(Vma v) {
        long n = 0;
        for (PageRun r : v.getPagesList()) {
            n += r.getCount();
        }
        return n;
    }
}
