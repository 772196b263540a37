package org.stasis.core.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * An image file of a schedule.
 *
 * @param path where it is
 * @param time when it was taken, read from its name
 */
public record ScheduleImage(Path path, Instant time) {

    public ScheduleImage {
        Objects.requireNonNull(path, "path"); //$NON-NLS-1$
        Objects.requireNonNull(time, "time"); //$NON-NLS-1$
    }
}
