package org.stasis.core.internal.images;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.SubMonitor;
import org.stasis.image.ImageFormatException;
import org.stasis.image.StasisImage;
import org.stasis.image.proto.PageRun;

/**
 * Counts the pages whose content differs between two mappings. Both run lists are walked together
 * in address order; a page stored in one image only counts as changed (it was touched, or dropped,
 * in between), a page stored in neither is unchanged. Stored pages are read through both readers
 * {@link #CHUNK_PAGES} at a time, so memory stays at two chunks whatever the images' size.
 */
final class PageComparer {

    /** 1 MiB: large sequential reads, and the reader checks whole 1 MiB chunks anyway. */
    static final int CHUNK_PAGES = 256;

    /** Pages looked at (stored in either image) and pages that differ. */
    record Count(long compared, long changed) {
    }

    private final StasisImage older;
    private final StasisImage newer;
    private final SubMonitor monitor;

    /** monitor: one tick per page per image that stores it; split() throws when canceled. */
    PageComparer(StasisImage older, StasisImage newer, SubMonitor monitor) {
        this.older = older;
        this.newer = newer;
        this.monitor = monitor;
    }

    Count compare(List<PageRun> olderRuns, List<PageRun> newerRuns) throws ImageFormatException {
        RunCursor a = new RunCursor(olderRuns);
        RunCursor b = new RunCursor(newerRuns);
        long compared = 0;
        long changed = 0;
        while (!a.done() || !b.done()) {
            long pages;
            if (b.done() || !a.done() && Long.compareUnsigned(a.address(), b.address()) < 0) {
                pages = alone(a, b);
                changed += pages;
                tick(pages);
            } else if (a.done() || Long.compareUnsigned(b.address(), a.address()) < 0) {
                pages = alone(b, a);
                changed += pages;
                tick(pages);
            } else {
                pages = Math.min(CHUNK_PAGES, Math.min(a.remaining(), b.remaining()));
                changed += differing(a.offset(), b.offset(), (int) pages);
                a.advance(pages);
                b.advance(pages);
                tick(2 * pages); // stored in both: counted once per image in the total
            }
            compared += pages;
        }
        return new Count(compared, changed);
    }

    /** Consumes the pages of {@code c} below the other cursor's position: stored in one image only. */
    private static long alone(RunCursor c, RunCursor other) {
        long pages = c.remaining();
        if (!other.done()) {
            pages = Math.min(pages, (other.address() - c.address()) / RunCursor.PAGE);
        }
        c.advance(pages);
        return pages;
    }

    private long differing(long olderOffset, long newerOffset, int pages) throws ImageFormatException {
        byte[] x = read(older, olderOffset, pages);
        byte[] y = read(newer, newerOffset, pages);
        long n = 0;
        for (int from = 0; from < x.length; from += RunCursor.PAGE) {
            if (!Arrays.equals(x, from, from + RunCursor.PAGE, y, from, from + RunCursor.PAGE)) {
                n++;
            }
        }
        return n;
    }

    /** The contract of compare() promises ImageFormatException only: a failed read is reported as one. */
    private static byte[] read(StasisImage image, long offset, int pages) throws ImageFormatException {
        try {
            return image.readPages(offset, pages * RunCursor.PAGE);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(image.header().imageId(), ImageFormatException.NO_OFFSET,
                    "cannot read page data at PAGES offset " + offset + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private void tick(long pages) {
        monitor.split((int) Math.min(Integer.MAX_VALUE, pages));
    }
}
