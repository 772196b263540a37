package org.stasis.core.internal.images;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;

/**
 * The one-line summary of a comparison: "2 processes gone, 1 started; 3 VMAs grown by 48.0 MiB; 1,024
 * pages changed; 2 files opened, 1 closed". Groups without changes are left out.
 */
public final class Summary {

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, Long> bytes = new EnumMap<>(Kind.class);
    private final List<String> groups = new ArrayList<>();

    private Summary(List<DiffEntry> entries) {
        for (DiffEntry e : entries) {
            counts.merge(e.kind(), 1L, Long::sum);
            bytes.merge(e.kind(), Math.abs(e.newerValue() - e.olderValue()), Long::sum);
        }
    }

    public static String of(List<DiffEntry> entries, long changedPages) {
        Summary s = new Summary(entries);
        s.group("process", "processes", s.item(Kind.PROCESS_GONE, "gone"), s.item(Kind.PROCESS_ADDED, "started")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        s.group("VMA", "VMAs", s.sized(Kind.VMA_GROWN, "grown"), s.sized(Kind.VMA_SHRUNK, "shrunk"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                s.item(Kind.VMA_ADDED, "added"), s.item(Kind.VMA_REMOVED, "removed")); //$NON-NLS-1$ //$NON-NLS-2$
        s.group("page", "pages", new Item(changedPages, "changed")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        s.group("file", "files", s.item(Kind.FILE_OPENED, "opened"), s.item(Kind.FILE_CLOSED, "closed"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                s.item(Kind.FILE_MOVED, "moved")); //$NON-NLS-1$
        s.group("limit", "limits", s.item(Kind.LIMIT_CHANGED, "changed")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        s.group("credential", "credentials", s.item(Kind.CREDENTIALS_CHANGED, "changed")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        return s.groups.isEmpty() ? "no differences" : String.join("; ", s.groups); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private record Item(long count, String words) {
    }

    private Item item(Kind kind, String words) {
        return new Item(counts.getOrDefault(kind, 0L), words);
    }

    /** "grown by 48.0 MiB": for growth the amount matters more than the number of mappings. */
    private Item sized(Kind kind, String words) {
        return new Item(counts.getOrDefault(kind, 0L), words + " by " + Texts.bytes(bytes.getOrDefault(kind, 0L))); //$NON-NLS-1$
    }

    /** The first item carries the noun ("2 files opened"), the rest only their number ("1 closed"). */
    private void group(String one, String many, Item... items) {
        List<String> parts = new ArrayList<>();
        for (Item i : items) {
            if (i.count() > 0) {
                parts.add((parts.isEmpty() ? Texts.count(i.count(), one, many) : Texts.count(i.count())) + " "
                        + i.words());
            }
        }
        if (!parts.isEmpty()) {
            groups.add(String.join(", ", parts)); //$NON-NLS-1$
        }
    }
}
