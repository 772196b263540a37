package org.stasis.model;

/** How one run of a checkpoint schedule ended. */
public enum RunResult implements ModelEnum {
    /** an image was written */
    OK,
    /** the engine was asked and failed; the run's message holds its error */
    FAILED,
    /** the engine was not asked (target gone, disk too small, previous run still going); the message says why */
    SKIPPED
}
