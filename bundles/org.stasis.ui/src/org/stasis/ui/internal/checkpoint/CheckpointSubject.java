package org.stasis.ui.internal.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessTree;

/**
 * The process tree a checkpoint would take, as the Processes view last saw it: the engine dumps a
 * process with all its descendants, so the dialog tells how many they are and how much memory they
 * hold.
 *
 * @param root the process chosen by the user
 * @param descendants how many processes below it the checkpoint takes along
 * @param treeRssBytes resident memory of the whole tree: about what the image will hold
 * @param includesWorkbench the workbench's own process is in the tree: freezing it would freeze
 *            the window that waits for the checkpoint, so the engine refuses it
 */
public record CheckpointSubject(ProcessInfo root, int descendants, long treeRssBytes, boolean includesWorkbench) {

    public CheckpointSubject {
        Objects.requireNonNull(root, "root"); //$NON-NLS-1$
    }

    /** @return the subject rooted at key, or empty when the tree no longer has that process */
    public static Optional<CheckpointSubject> of(ProcessTree tree, ProcessKey key) {
        Optional<ProcessInfo> root = tree.get(key);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        long self = ProcessHandle.current().pid();
        boolean includesSelf = root.get().pid() == self;
        int descendants = 0;
        long rss = root.get().rssBytes();
        Deque<ProcessKey> pending = new ArrayDeque<>(tree.children(key));
        while (!pending.isEmpty()) {
            ProcessKey child = pending.pop();
            Optional<ProcessInfo> info = tree.get(child);
            if (info.isPresent()) {
                descendants++;
                rss += info.get().rssBytes();
                includesSelf |= info.get().pid() == self;
            }
            pending.addAll(tree.children(child));
        }
        return Optional.of(new CheckpointSubject(root.get(), descendants, rss, includesSelf));
    }

    public int pid() {
        return (int) root.pid();
    }

    /** @return the processes the image will hold: the root and its descendants */
    public int processes() {
        return descendants + 1;
    }
}
