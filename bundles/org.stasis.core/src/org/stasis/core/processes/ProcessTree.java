package org.stasis.core.processes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot arranged by parent: what a process-tree view displays. Immutable.
 */
public final class ProcessTree {

    private final ProcessSnapshot snapshot;
    private final List<ProcessKey> roots = new ArrayList<>();
    private final Map<ProcessKey, ProcessKey> parents = new HashMap<>();
    private final Map<ProcessKey, List<ProcessKey>> children = new HashMap<>();

    private ProcessTree(ProcessSnapshot snapshot) {
        this.snapshot = snapshot;
        for (ProcessInfo p : snapshot.processes()) {
            Optional<ProcessInfo> parent = snapshot.byPid(p.ppid()).filter(candidate -> isParent(candidate, p));
            if (parent.isPresent()) {
                parents.put(p.key(), parent.get().key());
                children.computeIfAbsent(parent.get().key(), k -> new ArrayList<>()).add(p.key());
            } else {
                roots.add(p.key());
            }
        }
    }

    /**
     * A parent starts no later than its child. Checking it keeps the tree acyclic even though a
     * snapshot is not atomic: if a parent died and its pid was reused while we read, the newcomer
     * started after the child and is not taken for its parent.
     */
    private static boolean isParent(ProcessInfo candidate, ProcessInfo child) {
        return candidate.pid() != child.pid() && candidate.key().startTicks() <= child.key().startTicks();
    }

    public static ProcessTree of(ProcessSnapshot snapshot) {
        return new ProcessTree(Objects.requireNonNull(snapshot, "snapshot")); //$NON-NLS-1$
    }

    public ProcessSnapshot snapshot() {
        return snapshot;
    }

    /** @return processes without a parent in the snapshot (pid 1, kthreadd, or whose parent is outside our namespace) */
    public List<ProcessKey> roots() {
        return Collections.unmodifiableList(roots);
    }

    public List<ProcessKey> children(ProcessKey key) {
        return Collections.unmodifiableList(children.getOrDefault(key, List.of()));
    }

    public Optional<ProcessKey> parent(ProcessKey key) {
        return Optional.ofNullable(parents.get(key));
    }

    public Optional<ProcessInfo> get(ProcessKey key) {
        return snapshot.get(key);
    }

    public int size() {
        return snapshot.size();
    }

    /**
     * Processes matching a filter, together with their ancestors, so that a tree view still shows
     * where each match hangs. A query of digits only is a pid and matches that process alone (digits
     * also occur in countless command lines: ports, sizes, other pids). Any other query matches when
     * the command line or the user contains it, case-insensitively. A blank query matches everything.
     *
     * @return the keys to show
     */
    public Set<ProcessKey> visibleFor(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return allKeys();
        }
        Set<ProcessKey> visible = new HashSet<>();
        for (ProcessInfo p : snapshot.processes()) {
            if (matches(p, q)) {
                // walk up to the root, or to an ancestor that an earlier match already added
                Optional<ProcessKey> k = Optional.of(p.key());
                while (k.isPresent() && visible.add(k.get())) {
                    k = parent(k.get());
                }
            }
        }
        return visible;
    }

    private Set<ProcessKey> allKeys() {
        Set<ProcessKey> all = new HashSet<>();
        snapshot.processes().forEach(p -> all.add(p.key()));
        return all;
    }

    private static boolean matches(ProcessInfo p, String lowerQuery) {
        if (lowerQuery.chars().allMatch(Character::isDigit)) {
            return Long.toString(p.pid()).equals(lowerQuery);
        }
        return p.commandLine().toLowerCase(Locale.ROOT).contains(lowerQuery)
                || p.user().toLowerCase(Locale.ROOT).contains(lowerQuery);
    }
}
