package org.stasis.core.internal.images;

import java.util.List;

import org.stasis.image.proto.PageRun;

/** A position in the sorted page runs of one mapping, advanced page by page. */
final class RunCursor {

    static final int PAGE = 4096;

    private final List<PageRun> runs;
    private int index;
    private long consumed;

    RunCursor(List<PageRun> runs) {
        this.runs = runs;
        skipEmpty();
    }

    boolean done() {
        return index >= runs.size();
    }

    /** Virtual address of the current page. */
    long address() {
        return runs.get(index).getAddress() + consumed * PAGE;
    }

    /** Offset of the current page in the PAGES section. */
    long offset() {
        return runs.get(index).getOffset() + consumed * PAGE;
    }

    /** Pages left in the current run. */
    long remaining() {
        return runs.get(index).getCount() - consumed;
    }

    /** Moves on by pages, at most {@link #remaining()}. */
    void advance(long pages) {
        consumed += pages;
        skipEmpty();
    }

    private void skipEmpty() {
        while (index < runs.size() && consumed >= runs.get(index).getCount()) {
            index++;
            consumed = 0;
        }
    }
}
