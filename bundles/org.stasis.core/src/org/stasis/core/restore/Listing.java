package org.stasis.core.restore;

import java.util.List;

/** Lists in explanations: a few named, the rest counted, so a tree of hundreds stays readable. */
final class Listing {

    /** How many an explanation names before it only counts. */
    static final int SHOWN = 4;

    private Listing() {
    }

    /** "a, b, c and 7 more" */
    @SuppressWarnings("nls")
    static String of(List<String> items) {
        if (items.size() <= SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
    }
}
