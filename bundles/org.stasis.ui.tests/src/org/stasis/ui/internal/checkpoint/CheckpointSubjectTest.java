package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessTree;

/** What a checkpoint of a live tree would take, read from the real /proc. */
class CheckpointSubjectTest {

    @Test
    void aChildOfTheWorkbenchIsTakenWithoutIt() throws Exception {
        java.lang.Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessTree tree = liveTree();
            CheckpointSubject subject = CheckpointSubject.of(tree, key(tree, sleeper.pid())).orElseThrow();
            assertEquals(sleeper.pid(), subject.pid());
            assertEquals(1, subject.processes());
            assertTrue(subject.treeRssBytes() > 0, subject.toString());
            assertFalse(subject.includesWorkbench(), "sleep's tree does not hold this JVM");
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWorkbenchAndItsParentsAreFlaggedBecauseFreezingThemFreezesTheWindow() throws Exception {
        ProcessTree tree = liveTree();
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        for (long pid : new long[] { self, parent, 1 }) {
            CheckpointSubject subject = CheckpointSubject.of(tree, key(tree, pid)).orElseThrow();
            assertTrue(subject.includesWorkbench(), "the tree of pid " + pid + " holds this JVM (" + self + ")");
        }
    }

    private static ProcessTree liveTree() throws Exception {
        return ProcessTree.of(new ProcessReader().read(Optional.empty()));
    }

    private static ProcessKey key(ProcessTree tree, long pid) {
        return tree.snapshot().byPid(pid).map(ProcessInfo::key)
                .orElseThrow(() -> new AssertionError("pid " + pid + " is not in the live tree"));
    }
}
