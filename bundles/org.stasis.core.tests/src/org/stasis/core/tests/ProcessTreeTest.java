package org.stasis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessField;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.core.processes.ProcessTree;

class ProcessTreeTest {

    private static ProcessTree fixtureTree() throws IOException {
        return ProcessTree.of(new ProcessReader(Fixtures.proc(), Fixtures.passwd()).read(Optional.empty()));
    }

    private static Set<Long> pids(ProcessTree tree, Iterable<ProcessKey> keys) {
        Set<Long> pids = new java.util.TreeSet<>();
        keys.forEach(k -> pids.add(tree.get(k).orElseThrow().pid()));
        return pids;
    }

    private static ProcessKey key(ProcessTree tree, long pid) {
        return tree.snapshot().byPid(pid).orElseThrow().key();
    }

    @Test
    void arrangesByParentPid() throws IOException {
        ProcessTree tree = fixtureTree();
        assertEquals(Set.of(1L, 2L), pids(tree, tree.roots()));
        assertEquals(Set.of(9L, 10L, 100L, 811L), pids(tree, tree.children(key(tree, 1))));
        assertEquals(Set.of(57L), pids(tree, tree.children(key(tree, 2))));
        assertEquals(Set.of(812L, 900L), pids(tree, tree.children(key(tree, 811))));
        assertEquals(Set.of(901L), pids(tree, tree.children(key(tree, 900))));
        assertEquals(Optional.of(key(tree, 900)), tree.parent(key(tree, 901)));
        assertEquals(Optional.empty(), tree.parent(key(tree, 1)));
    }

    @Test
    void filterKeepsAncestorsOfMatches() throws IOException {
        ProcessTree tree = fixtureTree();
        assertEquals(Set.of(901L, 900L, 811L, 1L), pids(tree, tree.visibleFor("901")));
        // digits are a pid: sshd's command line contains "10-100" but is not a match for "100"
        assertEquals(Set.of(100L, 1L), pids(tree, tree.visibleFor("100")));
        // by name, case-insensitively
        assertEquals(Set.of(812L, 811L, 1L), pids(tree, tree.visibleFor("SD-PAM")));
        // by user
        assertEquals(Set.of(1L, 811L, 812L, 900L, 901L), pids(tree, tree.visibleFor("alice")));
        assertEquals(10, tree.visibleFor("  ").size());
        assertTrue(tree.visibleFor("no such process").isEmpty());
    }

    @Test
    void pidReusedByALaterProcessIsNotTakenForTheParent() {
        Instant t = Instant.EPOCH;
        // pid 50 claims parent 40, but the process now holding pid 40 started after it
        ProcessInfo child = new ProcessInfo(new ProcessKey(50, 1000), 40, 0, "root", 'S', 1, 0, 0,
                OptionalDouble.empty(), t, "child", "child");
        ProcessInfo newcomer = new ProcessInfo(new ProcessKey(40, 2000), 50, 0, "root", 'S', 1, 0, 0,
                OptionalDouble.empty(), t, "newcomer", "newcomer");
        ProcessTree tree = ProcessTree.of(new ProcessSnapshot(List.of(child, newcomer), 1, t));
        // without the start-time check these two would be each other's parent and there would be no root
        assertEquals(List.of(child.key()), tree.roots());
        assertEquals(List.of(newcomer.key()), tree.children(child.key()));
    }

    @Test
    void pidSortIsNumeric() throws IOException {
        ProcessTree tree = fixtureTree();
        List<Long> sorted = tree.children(key(tree, 1)).stream().map(k -> tree.get(k).orElseThrow())
                .sorted(ProcessField.PID.comparator()).map(ProcessInfo::pid).collect(Collectors.toList());
        assertEquals(List.of(9L, 10L, 100L, 811L), sorted);
        List<Long> byRss = tree.snapshot().processes().stream()
                .sorted(ProcessField.RSS.comparator().reversed().thenComparing(Comparator.comparingLong(ProcessInfo::pid)))
                .map(ProcessInfo::pid).limit(3).collect(Collectors.toList());
        assertEquals(List.of(1L, 811L, 100L), byRss);
    }
}
