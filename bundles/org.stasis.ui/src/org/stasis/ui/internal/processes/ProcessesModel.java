package org.stasis.ui.internal.processes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.core.processes.ProcessTree;

/**
 * The viewer's input: the latest process tree plus the filter, updated in place.
 * <p>
 * The viewer's elements are {@link ProcessKey}s, values that are equal across snapshots for the same
 * process. So a refresh after {@link #update} keeps selection, expansion and scroll position, which
 * replacing the input with fresh objects would lose. UI thread only.
 */
final class ProcessesModel {

    private ProcessTree tree = ProcessTree.of(new ProcessSnapshot(List.of(), 0, Instant.EPOCH));
    private String query = ""; //$NON-NLS-1$
    private Set<ProcessKey> visible = Set.of();
    private boolean loaded;

    void update(ProcessSnapshot snapshot) {
        tree = ProcessTree.of(snapshot);
        loaded = true;
        recompute();
    }

    void setQuery(String newQuery) {
        query = Objects.requireNonNull(newQuery, "newQuery"); //$NON-NLS-1$
        recompute();
    }

    private void recompute() {
        visible = tree.visibleFor(query);
    }

    boolean isLoaded() {
        return loaded;
    }

    boolean isFiltered() {
        return !query.isBlank();
    }

    ProcessTree tree() {
        return tree;
    }

    boolean isVisible(ProcessKey key) {
        return visible.contains(key);
    }

    int visibleCount() {
        return visible.size();
    }

    Optional<ProcessInfo> info(Object element) {
        return element instanceof ProcessKey key ? tree.get(key) : Optional.empty();
    }

    Instant takenAt() {
        return tree.snapshot().takenAt();
    }
}
