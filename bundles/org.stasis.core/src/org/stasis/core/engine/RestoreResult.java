package org.stasis.core.engine;

import java.util.List;

/**
 * A restored tree.
 *
 * @param rootPid the root's pid as this system sees it
 * @param rootPidInNamespace the root's pid inside its PID namespace (its original pid)
 * @param pidNamespace the tree runs in a new PID namespace
 * @param messages the warnings and notes the engine printed on the way
 */
public record RestoreResult(int rootPid, int rootPidInNamespace, boolean pidNamespace, List<EngineMessage> messages) {

    public RestoreResult {
        messages = List.copyOf(messages);
    }
}
