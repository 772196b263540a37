package org.stasis.core.internal.schedule;

import java.util.Optional;

import org.stasis.model.CheckpointSchedule;

/** Finds the process a schedule names: by pid, or by command line and user. */
@FunctionalInterface
public interface TargetFinder {

    /** @return the target now; empty when it is gone (or never started) */
    Optional<Target> find(CheckpointSchedule schedule);
}
