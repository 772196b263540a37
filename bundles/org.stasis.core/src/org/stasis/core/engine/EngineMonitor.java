package org.stasis.core.engine;

/**
 * Receives what a running engine command reports, and tells it whether to stop. Called on the
 * thread that runs the command; {@link #isCanceled()} is also polled from a watcher thread.
 */
public interface EngineMonitor {

    /** A monitor that ignores every event and never cancels. */
    EngineMonitor NONE = new EngineMonitor() {
        // every method keeps its default
    };

    /** A step of the work: for a dump, phase "dump-memory" counts pages written of pages to write. */
    default void progress(EngineProgress progress) {
        // ignored unless overridden
    }

    /** A message of the engine: info, warning or error text naming the pid and resource. */
    default void message(EngineMessage message) {
        // ignored unless overridden
    }

    /**
     * @return true to stop the command: it gets SIGTERM, which the engine treats as a clean cancel
     *         (a dump resumes the tree and leaves no image; a restore kills what it created)
     */
    default boolean isCanceled() {
        return false;
    }
}
