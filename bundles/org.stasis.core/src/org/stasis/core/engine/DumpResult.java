package org.stasis.core.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished checkpoint, as the engine's result event reports it.
 *
 * @param pid the root of the tree
 * @param image the image written
 * @param killed the tree was stopped after the checkpoint
 * @param processes processes in the image
 * @param pagesBytes bytes of memory stored
 * @param frozenMillis how long the tree was stopped
 * @param totalMillis the whole command
 * @param messages the warnings and notes the engine printed on the way
 */
public record DumpResult(int pid, Path image, boolean killed, int processes, long pagesBytes, double frozenMillis,
        double totalMillis, List<EngineMessage> messages) {

    public DumpResult {
        messages = List.copyOf(messages);
    }
}
