package org.stasis.core.internal.images;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.image.proto.Rlimit;

/** Resource limits of one process, matched by resource number; a limit only one image records is not compared. */
final class LimitComparer {

    private LimitComparer() {
    }

    static void compare(int pid, List<Rlimit> older, List<Rlimit> newer, List<DiffEntry> out) {
        Map<Integer, Rlimit> before = new HashMap<>();
        for (Rlimit r : older) {
            before.put(r.getResource(), r);
        }
        for (Rlimit n : newer) {
            Rlimit o = before.get(n.getResource());
            if (o != null && (o.getSoft() != n.getSoft() || o.getHard() != n.getHard())) {
                String name = n.getName().isEmpty() ? "resource " + n.getResource() : n.getName(); //$NON-NLS-1$
                out.add(new DiffEntry(Kind.LIMIT_CHANGED, pid, name, change("soft", o.getSoft(), n.getSoft()) + ", " //$NON-NLS-1$ //$NON-NLS-2$
                        + change("hard", o.getHard(), n.getHard()), o.getSoft(), n.getSoft())); //$NON-NLS-1$
            }
        }
    }

    private static String change(String which, long before, long after) {
        return before == after ? which + " " + Texts.limit(after) + " (unchanged)" //$NON-NLS-1$ //$NON-NLS-2$
                : which + " " + Texts.limit(before) + " -> " + Texts.limit(after); //$NON-NLS-1$
    }
}
