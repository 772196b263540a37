package org.stasis.core.engine;

/**
 * One progress event of the engine.
 *
 * @param phase the engine's name of the step, such as "freeze", "dump-memory", "write" or "restore-memory"
 * @param done units done so far in this phase (pages for memory phases)
 * @param total units this phase has; at least 1
 */
public record EngineProgress(String phase, long done, long total) {

    /** @return done as a fraction of total, within [0, 1] */
    public double fraction() {
        return total <= 0 ? 0 : Math.clamp((double) done / total, 0, 1);
    }
}
