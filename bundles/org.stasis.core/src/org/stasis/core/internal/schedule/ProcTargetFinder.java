package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessTree;
import org.stasis.model.CheckpointSchedule;

/**
 * Finds targets in /proc. A command-line pattern may match several processes of one job (a shell
 * and its children, all started with the same arguments): the target is the topmost match, so the
 * whole job is checkpointed, and among unrelated matches the one that started first, so the choice
 * does not flip between runs. This process and its children (the engine) never match.
 */
public final class ProcTargetFinder implements TargetFinder {

    private final ProcessReader reader;

    public ProcTargetFinder() {
        this(new ProcessReader());
    }

    public ProcTargetFinder(ProcessReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<Target> find(CheckpointSchedule schedule) {
        ProcessTree tree;
        try {
            tree = ProcessTree.of(reader.read(Optional.empty()));
        } catch (IOException e) {
            return Optional.empty(); // no /proc: there is nothing we could checkpoint either
        }
        Optional<ProcessInfo> root = schedule.getTargetPid() > 0
                ? tree.snapshot().byPid(schedule.getTargetPid()).filter(p -> p.state() != 'Z')
                : topmostMatch(tree, schedule);
        return root.map(p -> new Target((int) p.pid(), treeRss(tree, p.key())));
    }

    private static Optional<ProcessInfo> topmostMatch(ProcessTree tree, CheckpointSchedule schedule) {
        Pattern pattern = Pattern.compile(schedule.getCommandPattern());
        String user = schedule.getUser();
        Set<ProcessKey> ours = subtree(tree, ProcessHandle.current().pid());
        Set<ProcessKey> matches = new HashSet<>();
        for (ProcessInfo p : tree.snapshot().processes()) {
            if (p.state() != 'Z' && !ours.contains(p.key()) && (user.isEmpty() || user.equals(p.user()))
                    && pattern.matcher(p.commandLine()).find()) {
                matches.add(p.key());
            }
        }
        return matches.stream().filter(key -> !hasMatchingAncestor(tree, key, matches)).map(key -> tree.get(key).orElseThrow())
                .min(Comparator.comparing(ProcessInfo::startTime).thenComparingLong(ProcessInfo::pid));
    }

    private static boolean hasMatchingAncestor(ProcessTree tree, ProcessKey key, Set<ProcessKey> matches) {
        for (Optional<ProcessKey> up = tree.parent(key); up.isPresent(); up = tree.parent(up.get())) {
            if (matches.contains(up.get())) {
                return true;
            }
        }
        return false;
    }

    private static Set<ProcessKey> subtree(ProcessTree tree, long pid) {
        Set<ProcessKey> keys = new HashSet<>();
        tree.snapshot().byPid(pid).ifPresent(root -> {
            Deque<ProcessKey> todo = new ArrayDeque<>();
            todo.add(root.key());
            while (!todo.isEmpty()) {
                ProcessKey key = todo.remove();
                keys.add(key);
                todo.addAll(tree.children(key));
            }
        });
        return keys;
    }

    private static long treeRss(ProcessTree tree, ProcessKey root) {
        return subtree(tree, root.pid()).stream().map(tree::get).flatMap(Optional::stream).mapToLong(ProcessInfo::rssBytes).sum();
    }
}
