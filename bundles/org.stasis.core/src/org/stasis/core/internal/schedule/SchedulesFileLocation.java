package org.stasis.core.internal.schedule;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.stasis.core.schedule.Schedulers;

/** Where a user's schedules file is, from the process's settings (kept apart so tests can give them). */
@SuppressWarnings("nls") // names of variables and files
public final class SchedulesFileLocation {

    private SchedulesFileLocation() {
    }

    /** @see Schedulers#defaultSchedulesFile() */
    public static Path resolve(Map<String, String> environment, String home, String property) {
        Optional<String> set = Optional.ofNullable(property).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(environment.get(Schedulers.FILE_VARIABLE)).filter(s -> !s.isBlank()));
        if (set.isPresent()) {
            return Path.of(set.get()).toAbsolutePath();
        }
        // the XDG spec says relative values are invalid and must be ignored
        Path data = Optional.ofNullable(environment.get("XDG_DATA_HOME")).filter(s -> s.startsWith("/")).map(Path::of)
                .orElseGet(() -> Path.of(Objects.requireNonNull(home, "user.home"), ".local", "share"));
        return data.resolve("stasis").resolve("schedules.xmi");
    }
}
