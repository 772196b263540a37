package org.stasis.core.images;

import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.stasis.core.internal.images.Summary;
import org.stasis.core.internal.images.TreeComparer;
import org.stasis.image.ImageFormatException;
import org.stasis.image.StasisImage;

/**
 * What changed between two checkpoints of the same tree ("compare with…"): processes that came and
 * went, mappings that grew, pages whose content changed, files opened, closed or moved, limits and
 * credentials. Immutable.
 */
public final class ImageComparison {

    private final List<DiffEntry> entries;
    private final boolean sameTree;
    private final long changedPages;
    private final String summary;

    private ImageComparison(List<DiffEntry> entries, boolean sameTree) {
        this.entries = List.copyOf(entries);
        this.sameTree = sameTree;
        this.changedPages = entries.stream().filter(e -> e.kind() == DiffEntry.Kind.PAGES_CHANGED)
                .mapToLong(DiffEntry::newerValue).sum();
        this.summary = Summary.of(this.entries, changedPages);
    }

    /**
     * Compares two images. Metadata is compared in memory; page contents are streamed through both
     * readers a chunk at a time, so images of any size compare in bounded memory.
     *
     * @param monitor progress and cancellation; may be null
     * @throws ImageFormatException       page data of either image is damaged or cannot be read
     * @throws OperationCanceledException the monitor was canceled
     */
    public static ImageComparison compare(StasisImage older, StasisImage newer, IProgressMonitor monitor)
            throws ImageFormatException {
        Objects.requireNonNull(older, "older"); //$NON-NLS-1$
        Objects.requireNonNull(newer, "newer"); //$NON-NLS-1$
        SubMonitor progress = SubMonitor.convert(monitor, "Comparing images", 1); //$NON-NLS-1$
        TreeComparer comparer = new TreeComparer(older, newer);
        return new ImageComparison(comparer.compare(progress.split(1)), comparer.sameTree());
    }

    /** The differences: per process, mappings then files, limits and credentials. */
    public List<DiffEntry> entries() {
        return entries;
    }

    /** One line for a status bar or a log, e.g. "1 process gone; 3 VMAs grown by 48.0 MiB; 1,024 pages changed". */
    public String summary() {
        return summary;
    }

    /**
     * Whether both images hold the same tree: same root pid and root command line. The start time is
     * not compared on purpose: a restored tree starts anew but is still the tree the user checkpoints.
     */
    public boolean sameTree() {
        return sameTree;
    }

    /** Pages whose content differs, over all mappings both images have. */
    public long changedPages() {
        return changedPages;
    }
}
